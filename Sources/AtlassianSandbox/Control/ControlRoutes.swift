import Switchyard

/// The sandbox's own control plane for out-of-process clients. No credentials needed; these requests are
/// never recorded and never faulted.
///
/// ```http
/// POST /__sandbox/faults     {"kind":"status","status":429,"headers":{"Retry-After":"1"},"count":2}  → 201
/// GET /__sandbox/faults      → {"faults":[...]}
/// DELETE /__sandbox/faults   → 204
/// GET /__sandbox/requests    → [{"method":"GET","uri":"/rest/api/3/myself","headers":{...},"body":""}]
/// DELETE /__sandbox/requests → 204
/// POST /__sandbox/reset      → 204 (seed data back, log and faults cleared)
/// ```
struct ControlRoutes: RouteGroup {
    let store: SandboxStore
    let faults: SandboxFaults
    let log: RequestLog

    func register(on router: inout Router) {
        router.add(.POST, "/__sandbox/faults", dialect: .jira, access: .control) { request in
            let fault: SandboxFault
            do {
                fault = try SandboxFault(json: try request.jsonBody())
            } catch let error as SandboxFault.DecodingError {
                throw APIError.badRequest(error.message)
            }
            faults.inject(fault)
            return .json(fault.json, status: .created)
        }
        router.add(.GET, "/__sandbox/faults", dialect: .jira, access: .control) { _ in
            .json(["faults": .array(faults.pending.map(\.json))])
        }
        router.add(.DELETE, "/__sandbox/faults", dialect: .jira, access: .control) { _ in
            faults.clear()
            return .noContent
        }
        router.add(.GET, "/__sandbox/requests", dialect: .jira, access: .control) { _ in
            .json(.array(log.all.map(Self.json)))
        }
        router.add(.DELETE, "/__sandbox/requests", dialect: .jira, access: .control) { _ in
            log.clear()
            return .noContent
        }
        router.add(.POST, "/__sandbox/reset", dialect: .jira, access: .control) { _ in
            store.reset()
            faults.clear()
            log.clear()
            return .noContent
        }
    }

    private static func json(_ request: SandboxRequest) -> JSONValue {
        var headers = JSONObject()
        for header in request.headers {
            let key = header.name.lowercased()
            headers[key] = .string(headers[key]?.stringValue.map { "\($0), \(header.value)" } ?? header.value)
        }
        return [
            "method": .string(request.method),
            "uri": .string(request.uri),
            "path": .string(request.path),
            "headers": .object(headers),
            "body": .string(request.bodyText),
        ]
    }
}
