import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Switchyard
import SwitchyardHTTP
import SwitchyardServer

/// `MCPHTTPServer` on a free loopback port, serving the sandbox's runtime, and a client for it.
struct HTTPServerHarness {
    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: String

        var json: JSONValue? { try? JSONValue(parsing: Array(body.utf8)) }

        /// The `data:` payloads of a server-sent-event body.
        var events: [JSONValue] {
            body.components(separatedBy: "\n").compactMap { line in
                guard line.hasPrefix("data: ") else { return nil }
                return try? JSONValue(parsing: Array(line.dropFirst(6).utf8))
            }
        }
    }

    let sandbox: SandboxHarness
    let running: RunningMCPHTTPServer
    let metrics: ServerMetrics

    static func start(
        toolMode: ToolMode = .actions, loading: (@Sendable (SwitchyardRuntime) async throws -> SwitchyardRuntime)? = nil,
        configure: (inout HTTPServeConfiguration) -> Void = { _ in }
    ) async throws -> HTTPServerHarness {
        let sandbox = try await SandboxHarness.start()
        let runtime = sandbox.runtime
        let session = ServerSession(
            loading: { try await loading?(runtime) ?? runtime }, configuration: ServeConfiguration(toolMode: toolMode)
        )
        var configuration = HTTPServeConfiguration(port: 0)
        configure(&configuration)
        let metrics = ServerMetrics()
        let running = try await MCPHTTPServer(session: session, configuration: configuration, metrics: metrics).start()
        return HTTPServerHarness(sandbox: sandbox, running: running, metrics: metrics)
    }

    /// Runs `body` with a started harness and always stops it, even when `body` throws.
    static func with(
        toolMode: ToolMode = .actions, loading: (@Sendable (SwitchyardRuntime) async throws -> SwitchyardRuntime)? = nil,
        configure: (inout HTTPServeConfiguration) -> Void = { _ in }, _ body: (HTTPServerHarness) async throws -> Void
    ) async throws {
        let harness = try await start(toolMode: toolMode, loading: loading, configure: configure)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    func stop() async {
        await running.stop()
        await sandbox.stop()
    }

    /// Sends `body` to `path` (the MCP endpoint by default) with `headers`; JSON content type and the two
    /// media types a Streamable HTTP client accepts unless `headers` says otherwise.
    func send(
        _ body: String? = nil, method: HTTPMethod = .POST, path: String? = nil, headers: [String: String] = [:],
        timeout: TimeAmount = .seconds(20)
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(running.port)\(path ?? running.configuration.path)")
        request.method = method
        var all = ["Content-Type": "application/json", "Accept": "application/json, text/event-stream"]
        all.merge(headers) { $1 }
        for (name, value) in all where !value.isEmpty { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(Array(body.utf8)) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 8 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    /// A JSON-RPC request as text.
    static func request(_ id: Int, _ method: String, _ params: JSONValue? = nil) -> String {
        var object: JSONObject = ["jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": .string(method)]
        if let params { object["params"] = params }
        return JSONValue.object(object).serialized()
    }

    /// A request of the stateless revision, with its version and capabilities in `_meta`.
    static func modernRequest(_ id: Int, _ method: String, _ params: JSONObject = [:]) -> String {
        var params = params
        params["_meta"] = ["io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": [:]]
        return request(id, method, .object(params))
    }

    static let initialize = request(1, "initialize", [
        "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "tests", "version": "1"],
    ])
}
