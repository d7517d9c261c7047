import ArgumentParser
import Foundation
import Logging
import Switchyard
import SwitchyardServer
import SwitchyardState
import Synchronization

/// `switchyard serve`: JSON-RPC 2.0 and MCP over stdio, or over Streamable HTTP with `--http`, for agents.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = {
        var configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve describe/execute and the Model Context Protocol as newline-delimited JSON-RPC 2.0 over stdin/stdout, or over Streamable HTTP (--http).",
            discussion: """
                stdout carries protocol messages only; logs go to stderr. At end of input (or on SIGINT/SIGTERM)
                the requests in flight finish, then the server exits 0.
                Example MCP client config: {"command": "switchyard", "args": ["serve", "--sandbox"]}
                Remote: switchyard serve --http 127.0.0.1:8080 serves MCP at http://127.0.0.1:8080/mcp, with
                /healthz, /readyz and /metrics; on SIGTERM it drains for --drain-timeout seconds, then exits 0.
                """
        )
        // Parsed on its own (see `SwitchyardCommand.main()`), it still calls itself `switchyard serve`.
        configuration._superCommandName = "switchyard"
        return configuration
    }()

    @OptionGroup var global: GlobalOptions
    @OptionGroup var safety: SafetyOptions
    @OptionGroup(title: "Remote serving") var remote: HTTPServeOptions

    @Flag(help: "Serve against a built-in Atlassian sandbox started in-process (no account needed).")
    var sandbox = false

    @Option(help: ArgumentHelp("Only these connectors, comma-separated (e.g. jira,confluence). Default: the connectors with credentials.", valueName: "LIST"))
    var connectors: String?

    @Option(help: ArgumentHelp("How actions become MCP tools: 'actions' (one tool per action), 'search' (search_actions, describe_action, execute_action: a few KB whatever the catalog's size) or 'compact' (keyword search, describe, execute).", valueName: "MODE"))
    var tools: ToolMode = .actions

    @Option(name: .customLong("schema-dialect"), help: ArgumentHelp("JSON Schema dialect of tool params: mcp (standard), openai-strict (OpenAI strict function calling) or gemini (Gemini's OpenAPI subset).", valueName: "DIALECT"))
    var schemaDialect: SchemaDialect = .mcp

    @Option(help: ArgumentHelp("PostgreSQL shared by replicas (also SWITCHYARD_STATE): server-held OAuth 2.0 tokens, refreshed once for all, and the confirmation key. Create its tables with switchyard db migrate.", valueName: "postgres://…"))
    var state: String?

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
        let selection: ToolSelection
        do {
            selection = try ToolSelection.resolve(
                toolsets: toolsets, include: toolsInclude, exclude: toolsExclude, environment: global.environment, configFile: global.config
            )
        } catch {
            StandardStreams.error("switchyard serve: \(error.message)")
            throw ExitCode(1)
        }
        let transport = remote.http == nil ? "stdio" : "HTTP"
        let sharedState: PostgresState?
        do {
            sharedState = try await Self.openState(state ?? global.environment["SWITCHYARD_STATE"], logger: logger)
        } catch {
            StandardStreams.error("switchyard serve: \(error)")
            throw ExitCode(1)
        }
        // The manifests load while the client says hello: the handshake is answered at once, and every
        // other request waits for the runtime.
        let started = Mutex<RuntimeSession?>(nil)
        let (global, safety, sandbox, mode) = (global, safety, sandbox, tools)
        // A server that acts as each caller holds no credentials of its own: every configured connector stays on.
        let onlyConfigured = remote.http == nil || remote.auth == .server
        let server = ServerSession(
            loading: {
                let session = try await RuntimeSession.start(
                    global: global, safety: safety, sandbox: sandbox, connectors: connectorNames, onlyConfigured: onlyConfigured,
                    selection: (selection, mode == .actions), state: sharedState, logger: logger
                )
                started.withLock { $0 = session }
                logger.info("serving \(session.runtime.catalog.connectors.map(\.name).joined(separator: ", ")) over \(transport) (tools: \(mode.rawValue))")
                return session.runtime
            },
            configuration: ServeConfiguration(toolMode: tools, schemaDialect: schemaDialect), logger: logger
        )
        if remote.http != nil {
            try await serveHTTP(server, logger: logger)
            await started.withLock { $0 }?.stop()
            await sharedState?.close()
            return
        }
        let lines = LineReader().lines()
        // Serving ends at end of input or on a signal; a runtime that cannot load ends it with an error.
        let servingFailure = await withTaskGroup(of: ServeOutcome.self) { group in
            group.addTask {
                await server.run(lines)
                return .finished
            }
            group.addTask {
                await SignalWaiter.waitForInterrupt()
                // Cancelled when input ended first: no signal to tell of.
                if !Task.isCancelled { logger.info("signal received: finishing requests in flight") }
                return .finished
            }
            group.addTask {
                await Self.loadFailure(of: server).map(ServeOutcome.failed) ?? .loaded
            }
            var failure: String?
            waiting: for await outcome in group {
                switch outcome {
                case .loaded: continue
                case .finished: break waiting
                case .failed(let message):
                    failure = message
                    break waiting
                }
            }
            group.cancelAll()
            return failure
        }
        await server.drain()
        // Input may end before a failed load is noticed; it still decides the exit status.
        var failure = servingFailure
        if failure == nil { failure = await Self.loadFailure(of: server) }
        await started.withLock { $0 }?.stop()
        await sharedState?.close()
        if let failure {
            StandardStreams.error("switchyard serve: \(failure)")
            throw ExitCode(1)
        }
    }

    /// Connects to the shared state and checks its schema, or `nil` without a URL.
    static func openState(_ url: String?, logger: Logger) async throws(StateError) -> PostgresState? {
        guard let url, !url.isEmpty else { return nil }
        let state = try await PostgresState.connect(url: url, logger: logger)
        do {
            try await state.checkSchema()
        } catch {
            await state.close()
            throw error
        }
        logger.info("sharing OAuth 2.0 tokens and the confirmation key through PostgreSQL at \(state.location)")
        return state
    }

    /// Why the server's runtime could not load, once the load has ended; `nil` when it loaded.
    static func loadFailure(of server: ServerSession) async -> String? {
        do {
            try await server.waitUntilLoaded()
            return nil
        } catch {
            return (error as? ExecutionError)?.message ?? "\(error)"
        }
    }
}

/// How one of serve's concurrent parts ended.
private enum ServeOutcome: Sendable {
    case loaded, finished
    case failed(String)
}

extension ToolMode: ExpressibleByArgument {}
extension SchemaDialect: ExpressibleByArgument {}
