import ArgumentParser
import Foundation
import Switchyard
import SwitchyardServer

/// `switchyard serve`: JSON-RPC 2.0 and MCP over stdio, for agents.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve describe/execute and the Model Context Protocol as newline-delimited JSON-RPC 2.0 over stdin/stdout.",
        discussion: """
            stdout carries protocol messages only; logs go to stderr. At end of input (or on SIGINT/SIGTERM)
            the requests in flight finish, then the server exits 0.
            Example MCP client config: {"command": "switchyard", "args": ["serve", "--sandbox"]}
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var safety: SafetyOptions

    @Flag(help: "Serve against a built-in Atlassian sandbox started in-process (no account needed).")
    var sandbox = false

    @Option(help: ArgumentHelp("Only these connectors, comma-separated (e.g. jira,confluence). Default: the connectors with credentials.", valueName: "LIST"))
    var connectors: String?

    @Option(help: ArgumentHelp("How actions become MCP tools: 'actions' (one tool per action) or 'compact' (search, describe, execute).", valueName: "MODE"))
    var tools: ToolMode = .actions

    @Option(name: .customLong("schema-dialect"), help: ArgumentHelp("JSON Schema dialect of tool params: mcp (standard), openai-strict (OpenAI strict function calling) or gemini (Gemini's OpenAPI subset).", valueName: "DIALECT"))
    var schemaDialect: SchemaDialect = .mcp

    @Option(help: ArgumentHelp("Toolsets to offer, e.g. jira:default,jira:agile,confluence:all (also SWITCHYARD_TOOLSETS). Default in actions mode: each connector's 'default' toolset.", valueName: "LIST"))
    var toolsets: String?

    @Option(name: .customLong("tools-include"), help: ArgumentHelp("Also offer the tools whose names match these patterns, e.g. 'jira_sprints_*' (comma-separated, repeatable).", valueName: "GLOB"))
    var toolsInclude: [String] = []

    @Option(name: .customLong("tools-exclude"), help: ArgumentHelp("Never offer or run the tools whose names match these patterns, e.g. '*_delete' (comma-separated, repeatable).", valueName: "GLOB"))
    var toolsExclude: [String] = []

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let logger = global.makeLogger()
        let connectorNames = connectors.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let session: RuntimeSession
        do {
            let selection = try ToolSelection.resolve(
                toolsets: toolsets, include: toolsInclude, exclude: toolsExclude, environment: global.environment, configFile: global.config
            )
            session = try await RuntimeSession.start(
                global: global, safety: safety, sandbox: sandbox, connectors: connectorNames, onlyConfigured: true,
                selection: (selection, tools == .actions), logger: logger
            )
        } catch {
            StandardStreams.error("switchyard serve: \(error.message)")
            throw ExitCode(1)
        }
        let server = ServerSession(runtime: session.runtime, configuration: ServeConfiguration(toolMode: tools, schemaDialect: schemaDialect), logger: logger)
        logger.info("serving \(session.runtime.catalog.connectors.map(\.name).joined(separator: ", ")) over stdio (tools: \(tools.rawValue))")
        let lines = LineReader().lines()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await server.run(lines) }
            group.addTask {
                await SignalWaiter.waitForInterrupt()
                logger.info("signal received: finishing requests in flight")
            }
            await group.next()
            group.cancelAll()
        }
        await server.drain()
        await session.stop()
    }
}

extension ToolMode: ExpressibleByArgument {}
extension SchemaDialect: ExpressibleByArgument {}
