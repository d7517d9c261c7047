import Logging
import Switchyard

/// Serves JSON-RPC 2.0 and MCP over newline-delimited messages: reads lines, dispatches requests
/// concurrently (bounded), and writes every reply through one writer.
///
/// Native methods (`describe`, `execute`, `ping`) work with no handshake. MCP clients may use the
/// `initialize` handshake (2025-03-26 … 2025-11-25) or the stateless revision (`server/discover`, the
/// version in each request's `_meta`); each request is answered in the era it speaks.
///
/// The runtime may still be loading when the first lines arrive: the handshake (`initialize`,
/// `server/discover`, `ping`, `logging/setLevel`) is answered at once, and every other request waits for
/// the load, so a client's start-up overlaps with reading the manifests.
///
/// ```swift
/// let session = ServerSession(runtime: runtime, configuration: ServeConfiguration())
/// await session.run(LineReader().lines())   // returns at end of input, after in-flight requests finish
/// ```
public final class ServerSession: Sendable {
    let configuration: ServeConfiguration
    /// The runtime and its tools, once loaded.
    let loading: Task<ServingState, any Error>
    let writer: MessageWriter
    let logger: Logger
    let inFlight: InFlightRequests
    /// The stdio client: notifications go out through the writer.
    let outputChannel: ClientChannel

    public convenience init(
        runtime: SwitchyardRuntime, configuration: ServeConfiguration, writer: MessageWriter = MessageWriter(), logger: Logger = Logger(label: "switchyard.serve")
    ) {
        self.init(loading: { runtime }, configuration: configuration, writer: writer, logger: logger)
    }

    /// A session whose runtime `load` makes in the background; a request that needs it before it is ready
    /// waits, and gets an internal error naming the cause if loading failed.
    public init(
        loading load: @escaping @Sendable () async throws -> SwitchyardRuntime, configuration: ServeConfiguration,
        writer: MessageWriter = MessageWriter(), logger: Logger = Logger(label: "switchyard.serve")
    ) {
        self.configuration = configuration
        self.writer = writer
        self.logger = logger
        inFlight = InFlightRequests(limit: configuration.maximumInFlight)
        outputChannel = ClientChannel(logLevel: ClientLogLevel()) { [writer] in writer.write($0) }
        loading = Task { ServingState(runtime: try await load(), configuration: configuration) }
    }

    /// The runtime and its tools, waiting for the load.
    func ready() async throws(JSONRPCError) -> ServingState {
        do {
            return try await loading.value
        } catch {
            throw .internalError("the server could not start: \((error as? ExecutionError)?.message ?? "\(error)")")
        }
    }

    /// Returns once the runtime has loaded; throws what stopped it.
    public func waitUntilLoaded() async throws {
        _ = try await loading.value
    }

    /// The `tools` array `tools/list` returns.
    public var toolDefinitions: JSONValue {
        get async throws { try await loading.value.tools.tools }
    }

    /// Handles every line until the input ends, then waits for the requests still in flight.
    public func run(_ lines: AsyncStream<LineReader.Line>) async {
        // The event loops start on another thread while the first lines (the handshake) are read here.
        EventLoopExecutor.startInBackground()
        var remaining = lines.makeAsyncIterator()
        while EventLoopExecutor.sharedIfStarted == nil {
            guard let line = await remaining.next() else {
                await drain()
                return
            }
            await receive(line)
        }
        // Then on the requests' event loop too, so a line goes from the reader thread to the thread that
        // handles it in one hop.
        await withTaskExecutorPreference(EventLoopExecutor.shared) {
            while let line = await remaining.next() {
                await receive(line)
            }
            await drain()
        }
    }

    private func receive(_ line: LineReader.Line) async {
        switch line {
        case .oversized(let size):
            logger.warning("refused a \(size)-byte message over the \(configuration.maximumLineBytes)-byte limit")
            writer.write(JSONRPCReply.error(id: .null, .invalidRequest("message of \(size) bytes exceeds the \(configuration.maximumLineBytes)-byte limit")))
        case .message(let bytes):
            await receive(bytes)
        }
    }

    /// Waits until every accepted request has been answered.
    public func drain() async {
        await inFlight.drain()
    }

    private func receive(_ bytes: [UInt8]) async {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            writer.write(JSONRPCReply.error(id: .null, .parseError(error.description)))
            return
        }
        if case .array(let elements) = value {
            await receiveBatch(elements)
        } else {
            await receiveSingle(JSONRPCMessage(value))
        }
    }

    private func receiveSingle(_ message: JSONRPCMessage) async {
        guard case .request(let id, _, _) = message else {
            if let reply = await answer(message, channel: outputChannel) { writer.write(reply) }
            return
        }
        await inFlight.submit(key: id.serialized()) { [self] in
            let reply = await self.answer(message, channel: self.outputChannel)
            guard !Task.isCancelled, let reply else { return }
            self.writer.write(reply)
        }
    }

    private func receiveBatch(_ elements: [JSONValue]) async {
        await inFlight.submit(key: nil) { [self] in
            if let reply = await self.answerBatch(elements, channel: self.outputChannel) { self.writer.write(reply) }
        }
    }

    /// Answers one message or batch that arrived whole, for example an HTTP POST body: the reply, or `nil`
    /// when it held only notifications and responses. Notifications about the requests go to `channel`.
    /// It runs on one event loop, the next in turn, so the service calls it makes send and resume on one
    /// thread while concurrent requests spread over the cores.
    public func respond(to value: JSONValue, channel: ClientChannel) async -> JSONValue? {
        await withTaskExecutorPreference(EventLoopExecutor.next()) {
            if case .array(let elements) = value {
                return await answerBatch(elements, channel: channel)
            }
            return await answer(JSONRPCMessage(value), channel: channel)
        }
    }

    /// The reply to one message: `nil` for a notification or a response.
    private func answer(_ message: JSONRPCMessage, channel: ClientChannel) async -> JSONValue? {
        switch message {
        case .invalid(let id, let error):
            return JSONRPCReply.error(id: id, error)
        case .response:
            return nil
        case .notification(let method, let params):
            handleNotification(method, params: params)
            return nil
        case .request(let id, let method, let params):
            return await reply(to: RequestContext(id: id, method: method, params: params, channel: channel))
        }
    }

    /// A batch runs as one unit; its replies come back together as an array (none if all were notifications).
    private func answerBatch(_ elements: [JSONValue], channel: ClientChannel) async -> JSONValue? {
        guard !elements.isEmpty else { return JSONRPCReply.error(id: .null, .invalidRequest("an empty batch")) }
        let replies = await withTaskGroup(of: (Int, JSONValue?).self) { group in
            for (index, element) in elements.enumerated() {
                group.addTask { (index, await self.answer(JSONRPCMessage(element), channel: channel)) }
            }
            var collected: [(Int, JSONValue)] = []
            for await (index, reply) in group {
                if let reply { collected.append((index, reply)) }
            }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return replies.isEmpty ? nil : .array(replies)
    }

    private func handleNotification(_ method: String, params: JSONValue?) {
        switch method {
        case "notifications/cancelled":
            guard let requestID = params?["requestId"], requestID.stringValue != nil || requestID.numberValue != nil else { return }
            let key = requestID.serialized()
            logger.debug("cancelling request \(key)")
            Task { await inFlight.cancel(key: key) }
        case "notifications/initialized", "notifications/roots/list_changed":
            break
        default:
            logger.debug("ignoring notification \(method)")
        }
    }

    /// The reply to one request: a result or an error, in the request's protocol era.
    func reply(to context: RequestContext) async -> JSONValue {
        if let version = context.modernVersion, !MCPProtocol.modernVersions.contains(version) {
            return JSONRPCReply.error(id: context.id, .unsupportedProtocolVersion(requested: version, supported: MCPProtocol.modernVersions))
        }
        if context.params?.arrayValue != nil {
            return JSONRPCReply.error(id: context.id, .invalidParams("\(context.method) takes named params (an object), not an array"))
        }
        do {
            var result = try await handle(context)
            if context.isModern, case .object(var object) = result {
                object["resultType"] = "complete"
                var meta = object["_meta"]?.objectValue ?? JSONObject()
                meta[MCPProtocol.serverInfoKey] = MCPProtocol.serverInfo
                object["_meta"] = .object(meta)
                result = .object(object)
            }
            return JSONRPCReply.result(id: context.id, result)
        } catch {
            return JSONRPCReply.error(id: context.id, error)
        }
    }
}

/// How `switchyard serve` behaves.
public struct ServeConfiguration: Sendable {
    public var toolMode: ToolMode
    /// The JSON Schema dialect of tool params, for frameworks that accept only part of JSON Schema.
    public var schemaDialect: SchemaDialect
    /// Requests handled at once; more wait their turn.
    public var maximumInFlight: Int
    /// Longest accepted message line.
    public var maximumLineBytes: Int
    /// Tool results whose text is at most this long also carry `structuredContent`.
    public var structuredContentLimit: Int

    public init(
        toolMode: ToolMode = .actions,
        schemaDialect: SchemaDialect = .mcp,
        maximumInFlight: Int = 32,
        maximumLineBytes: Int = LineReader.defaultMaximumLineBytes,
        structuredContentLimit: Int = 8 * 1024
    ) {
        self.toolMode = toolMode
        self.schemaDialect = schemaDialect
        self.maximumInFlight = maximumInFlight
        self.maximumLineBytes = maximumLineBytes
        self.structuredContentLimit = structuredContentLimit
    }
}
