import Switchyard

/// What a request says about how to answer it: which protocol era, and whether the client wants
/// progress or log notifications for it.
struct RequestContext: Sendable {
    let id: JSONValue
    let method: String
    let params: JSONValue?
    /// The stateless MCP version in `_meta`, when the request carries one.
    let modernVersion: String?
    let progressToken: JSONValue?
    /// The log level the request asks for in `_meta` (stateless protocol only).
    let requestLogLevel: LogLevel?
    /// Where its notifications go.
    let channel: ClientChannel

    init(id: JSONValue, method: String, params: JSONValue?, channel: ClientChannel) {
        self.id = id
        self.method = method
        self.params = params
        self.channel = channel
        let meta = params?["_meta"]
        modernVersion = meta?[MCPProtocol.protocolVersionKey]?.stringValue
        progressToken = meta?["progressToken"].flatMap { $0.stringValue != nil || $0.numberValue != nil ? $0 : nil }
        requestLogLevel = meta?[MCPProtocol.logLevelKey]?.stringValue.flatMap(LogLevel.init(rawValue:))
    }

    /// Whether the answer follows the stateless revision (`resultType`, server info in `_meta`).
    var isModern: Bool { modernVersion != nil || method == "server/discover" }

    /// The params object, or an empty one; arrays (positional params) are refused by the caller.
    var paramsObject: JSONObject { params?.objectValue ?? JSONObject() }

    /// The level log notifications about this request are sent from: the request's own in the stateless
    /// protocol, else the one its client set with `logging/setLevel`.
    var logLevel: LogLevel? { isModern ? requestLogLevel : channel.logLevel.current }

    /// Sends a notification about this request to its client.
    func notify(_ method: String, _ params: JSONValue) {
        channel.send(JSONRPCReply.notification(method, params: params))
    }
}

/// MCP log levels (syslog severities), least severe first.
enum LogLevel: String, Sendable, CaseIterable, Comparable {
    case debug, info, notice, warning, error, critical, alert, emergency

    static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
