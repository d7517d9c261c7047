import NIOHTTP1
import Switchyard

/// `/__sandbox/echo[/...]` for every method: answers with what it received, so tests can see where a
/// client put each parameter (path, query, header, JSON body or form).
///
/// ```http
/// POST /__sandbox/echo/items/42?tag=a&tag=b     Content-Type: application/x-www-form-urlencoded
/// name=Widget&size=L
/// → {"method":"POST","uri":"/__sandbox/echo/items/42?tag=a&tag=b","path":"/__sandbox/echo/items/42",
///    "query":{"tag":["a","b"]},"headers":{...},"body":"name=Widget&size=L","form":{"name":["Widget"],"size":["L"]}}
/// ```
struct EchoRoutes: RouteGroup {
    func register(on router: inout Router) {
        for method in [HTTPMethod.GET, .POST, .PUT, .PATCH, .DELETE] {
            router.add(method, "/__sandbox/echo/*", dialect: .jira) { .json(echo($0)) }
        }
    }

    private func echo(_ request: RouteRequest) -> JSONValue {
        var headers = JSONObject()
        for (name, value) in request.headers {
            let key = name.lowercased()
            headers[key] = .string(headers[key]?.stringValue.map { "\($0), \(value)" } ?? value)
        }
        var object: JSONObject = [
            "method": .string(request.method.rawValue),
            "uri": .string(request.uri),
            "path": .string(request.path),
            "query": Self.grouped(request.query),
            "headers": .object(headers),
            "body": body(of: request),
        ]
        if request.header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            object["form"] = Self.grouped(QueryParameters(rawQuery: String(decoding: request.body, as: UTF8.self)[...]))
        }
        return .object(object)
    }

    /// The body as parsed JSON when it is JSON, as text otherwise, or `null` when empty.
    private func body(of request: RouteRequest) -> JSONValue {
        guard !request.body.isEmpty else { return .null }
        if let json = try? JSONValue(parsing: request.body) { return json }
        return .string(String(decoding: request.body, as: UTF8.self))
    }

    private static func grouped(_ parameters: QueryParameters) -> JSONValue {
        .object(JSONObject(parameters.grouped.map { ($0.name, JSONValue.array($0.values.map(JSONValue.string))) }))
    }
}
