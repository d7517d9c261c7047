import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import Switchyard
import SwitchyardServer

/// Answers every request to the HTTP server: the MCP endpoint (Streamable HTTP), `/healthz`, `/readyz` and
/// `/metrics`.
///
/// On the endpoint, a POST carries one JSON-RPC message or a batch. Requests are answered with a JSON body,
/// or with a server-sent-event stream when the client accepts one and the request has something to stream
/// first (progress, log messages, export pages). Notifications and responses get 202. `initialize` opens an
/// `Mcp-Session-Id` unless the server is stateless; requests of the stateless revision (2026-07-28) carry
/// their version in `_meta` and the `Mcp-Method`/`Mcp-Name` routing headers, which must match the body.
///
/// It never throws, so no input reaches Hummingbird's generic 500.
struct MCPHTTPResponder: HTTPResponder {
    let session: ServerSession
    let configuration: HTTPServeConfiguration
    let origins: OriginPolicy
    let sessions: HTTPSessionTable
    let readiness: Readiness
    let metrics: ServerMetrics
    let credentials: CallerCredentials
    let failures: FailureLimiter

    func respond(to request: Request, context: MCPHTTPRequestContext) async throws -> Response {
        if let refusal = origins.refusal(origin: request.headers[.origin], host: request.head.authority) {
            switch refusal {
            case .origin(let origin):
                return refuse(403, .invalidRequest("Origin '\(origin)' is not allowed: list it in --allowed-origins"))
            case .host(let host):
                return refuse(421, .invalidRequest("Host '\(host)' is not a loopback name, and this server listens on loopback only (DNS-rebinding protection)"))
            }
        }
        if let keys = configuration.apiKeys, request.uri.path == configuration.path || request.uri.path == "/metrics",
           let refusal = checkAPIKey(request, keys: keys, address: context.remoteAddress ?? "unknown") {
            return refusal
        }
        switch request.uri.path {
        case configuration.path:
            switch request.method {
            case .post: return await post(request)
            case .delete: return delete(request)
            default:
                var response = refuse(405, .invalidRequest("\(configuration.path) takes POST (JSON-RPC messages) and DELETE (end a session); this server sends no server-initiated stream"))
                response.headers[.allow] = "POST, DELETE"
                return response
            }
        case "/healthz":
            return json(200, ["status": "ok"])
        case "/readyz":
            switch readiness.state {
            case .ready: return json(200, ["status": "ready"])
            case .loading: return json(503, ["status": "loading"])
            case .draining: return json(503, ["status": "draining"])
            case .failed(let reason): return json(503, ["status": "failed", "reason": .string(reason)])
            }
        case let path where path == Self.resourceMetadataPath || path == Self.resourceMetadataPath + configuration.path:
            return json(200, resourceMetadata(request))
        case "/metrics":
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        default:
            return refuse(404, .invalidRequest("no such path \(request.uri.path): the MCP endpoint is \(configuration.path)"))
        }
    }

    // MARK: POST

    private func post(_ request: Request) async -> Response {
        var caller: CallerIdentity?
        if configuration.auth == .perRequest {
            do {
                caller = try credentials.identity(from: request.headers)
            } catch {
                var response = refuse(error.status, .invalidRequest(error.message))
                if error.status == 401 { response.headers.append(contentsOf: challenges(request)) }
                return response
            }
        }
        let narrowing: RequestNarrowing
        do {
            narrowing = try Self.narrowing(from: request.headers)
        } catch {
            return refuse(400, .invalidRequest(error.message))
        }
        return await CallerIdentity.$current.withValue(caller) {
            await RequestNarrowing.$current.withValue(narrowing.isEmpty ? nil : narrowing) { await answer(request) }
        }
    }

    /// Answers the JSON-RPC in a POST, as the caller when the server authenticates per request.
    private func answer(_ request: Request) async -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            return refuse(415, .invalidRequest("Content-Type must be application/json, got '\(request.headers[.contentType] ?? "none")'"))
        }
        let accept = AcceptedMedia(request.headers[.accept])
        guard accept.json || accept.eventStream else {
            return refuse(406, .invalidRequest("Accept must allow application/json or text/event-stream, got '\(request.headers[.accept] ?? "")'"))
        }
        let limit = configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return refuse(413, .invalidRequest("the body of \(declared) bytes exceeds the \(limit)-byte limit"))
        }
        var body: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard body.count + buffer.readableBytes <= limit else {
                    return refuse(413, .invalidRequest("the body exceeds the \(limit)-byte limit"))
                }
                body.append(contentsOf: buffer.readableBytesView)
            }
        } catch {
            return refuse(400, .invalidRequest("the body could not be read to its end"))
        }
        let message: JSONValue
        do {
            message = try JSONValue(parsing: body)
        } catch {
            return refuse(400, .parseError(error.description))
        }
        if let versionHeader = request.headers[.mcpProtocolVersion],
           !(MCPProtocol.modernVersions + MCPProtocol.handshakeVersions).contains(versionHeader) {
            return refuse(400, .unsupportedProtocolVersion(requested: versionHeader, supported: MCPProtocol.modernVersions + MCPProtocol.handshakeVersions))
        }
        if let mismatch = RoutingHeaders(request.headers).mismatch(with: message) {
            return refuse(400, .headerMismatch(mismatch), id: message["id"] ?? .null)
        }
        // The client's session, if it has one; an id the server does not know means the session ended.
        var logLevel = ClientLogLevel()
        if !configuration.stateless, let sessionID = request.headers[.mcpSessionID] {
            guard let level = sessions.logLevel(of: sessionID) else {
                return refuse(404, .invalidRequest("session '\(sessionID)' is not known here (it ended, or this replica never saw it): send initialize again"))
            }
            logLevel = level
        }
        let method = message["method"]?.stringValue ?? (message.arrayValue != nil ? "batch" : "notification")
        let isRequest = message.arrayValue != nil || (message["method"] != nil && message["id"] != nil)
        guard isRequest else {
            metrics.requestStarted()
            _ = await session.respond(to: message, channel: .silent(logLevel: logLevel))
            metrics.requestFinished(method: "notification", errorKind: nil, duration: .zero)
            return Response(status: .accepted)
        }
        var headers = HTTPFields()
        if method == "initialize", !configuration.stateless {
            let sessionID = sessions.open()
            headers[.mcpSessionID] = sessionID
            logLevel = sessions.logLevel(of: sessionID) ?? logLevel
        }
        let streams = accept.eventStream && message.arrayValue == nil && wantsStream(message, logLevel: logLevel)
        if method == "export", !streams {
            return refuse(406, .invalidRequest("export streams its documents as events: send Accept: text/event-stream"), id: message["id"] ?? .null)
        }
        if streams {
            return stream(message, method: method, logLevel: logLevel, headers: headers)
        }
        metrics.requestStarted()
        let started = ContinuousClock.now
        let reply = await session.respond(to: message, channel: .silent(logLevel: logLevel)) ?? .null
        metrics.requestFinished(method: method, errorKind: Self.errorKind(of: reply), duration: started.duration(to: .now))
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.serializedBytes())))
    }

    /// Whether a request has notifications to send before its reply: progress, log messages or export pages.
    private func wantsStream(_ message: JSONValue, logLevel: ClientLogLevel) -> Bool {
        let meta = message["params"]?["_meta"]
        return message["method"]?.stringValue == "export" || meta?["progressToken"] != nil
            || meta?[MCPProtocol.logLevelKey] != nil || logLevel.isSet
    }

    /// Answers as server-sent events: each notification as it happens, then the reply, then the end.
    private func stream(_ message: JSONValue, method: String, logLevel: ClientLogLevel, headers: HTTPFields) -> Response {
        let (events, continuation) = AsyncStream<ByteBuffer>.makeStream()
        let channel = ClientChannel(logLevel: logLevel) { notification in continuation.yield(Self.event(notification)) }
        metrics.requestStarted()
        let started = ContinuousClock.now
        let (caller, narrowing) = (CallerIdentity.current, RequestNarrowing.current)
        let task = Task { [session, metrics] in
            let reply = await CallerIdentity.$current.withValue(caller) {
                await RequestNarrowing.$current.withValue(narrowing) { await session.respond(to: message, channel: channel) }
            } ?? .null
            metrics.requestFinished(method: method, errorKind: Self.errorKind(of: reply), duration: started.duration(to: .now))
            continuation.yield(Self.event(reply))
            continuation.finish()
        }
        // A client that hangs up cancels its request.
        continuation.onTermination = { termination in
            if case .cancelled = termination { task.cancel() }
        }
        var headers = headers
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: events))
    }

    private static func event(_ message: JSONValue) -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: message\ndata: ")
        buffer.writeBytes(message.serializedBytes())
        buffer.writeString("\n\n")
        return buffer
    }

    // MARK: DELETE

    private func delete(_ request: Request) -> Response {
        guard !configuration.stateless, let sessionID = request.headers[.mcpSessionID] else {
            var response = refuse(405, .invalidRequest("DELETE ends a session: send its Mcp-Session-Id (this server is \(configuration.stateless ? "stateless" : "not told which session"))"))
            response.headers[.allow] = "POST, DELETE"
            return response
        }
        guard sessions.close(sessionID) else {
            return refuse(404, .invalidRequest("session '\(sessionID)' is not known here"))
        }
        return Response(status: .noContent)
    }

    // MARK: Replies

    /// The kind counted in `switchyard_errors_total`: the JSON-RPC error's, or the failed tool call's.
    static func errorKind(of reply: JSONValue) -> String? {
        if let code = reply["error"]?["code"]?.intValue { return JSONRPCError.kindName(code: code) }
        guard reply["result"]?["isError"]?.boolValue == true else { return nil }
        if let kind = reply["result"]?["structuredContent"]?["error"]?["kind"]?.stringValue { return kind }
        if let text = reply["result"]?["content"]?[0]?["text"]?.stringValue,
           let kind = (try? JSONValue(parsing: Array(text.utf8)))?["error"]?["kind"]?.stringValue {
            return kind
        }
        return "tool_error"
    }

    func refuse(_ status: Int, _ error: JSONRPCError, id: JSONValue = .null) -> Response {
        metrics.refused(status: status)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONRPCReply.error(id: id, error).serializedBytes()))
        )
    }

    private func json(_ status: Int, _ body: JSONObject) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONValue.object(body).serializedBytes())))
    }
}

/// Which of the two answer forms an `Accept` header allows; no header means JSON.
struct AcceptedMedia {
    let json: Bool
    let eventStream: Bool

    init(_ header: String?) {
        guard let header, !header.isEmpty else {
            (json, eventStream) = (true, false)
            return
        }
        // Byte by byte, on every POST: each media range up to its parameters, spaces trimmed, compared
        // without regard to case.
        var json = false
        var eventStream = false
        for item in header.utf8.split(separator: UInt8(ascii: ",")) {
            var range = item.prefix { $0 != UInt8(ascii: ";") }
            while let first = range.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { range = range.dropFirst() }
            while let last = range.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { range = range.dropLast() }
            if Self.equal(range, "*/*") || Self.equal(range, "application/json") || Self.equal(range, "application/*") { json = true }
            if Self.equal(range, "text/event-stream") || Self.equal(range, "text/*") { eventStream = true }
        }
        self.json = json
        self.eventStream = eventStream
    }

    /// Whether `bytes` spell `lowercase` (ASCII, any case).
    private static func equal(_ bytes: Substring.UTF8View, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { byte, wanted in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == wanted
            }
        }
    }
}

extension HTTPField.Name {
    static let mcpSessionID = HTTPField.Name("Mcp-Session-Id")!
    static let mcpProtocolVersion = HTTPField.Name("MCP-Protocol-Version")!
    static let mcpMethod = HTTPField.Name("Mcp-Method")!
    static let mcpName = HTTPField.Name("Mcp-Name")!
    static let switchyardAPIKey = HTTPField.Name("X-Switchyard-Api-Key")!
    static let switchyardToolsets = HTTPField.Name("X-Switchyard-Toolsets")!
    static let switchyardToolsInclude = HTTPField.Name("X-Switchyard-Tools-Include")!
    static let switchyardToolsExclude = HTTPField.Name("X-Switchyard-Tools-Exclude")!
    static let switchyardReadOnly = HTTPField.Name("X-Switchyard-Read-Only")!
}
