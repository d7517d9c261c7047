import NIOHTTP1
import Switchyard

/// A received request as routes see it: the raw target, its decoded parts, and the route's captures.
///
/// ```swift
/// let key = request.parameter("issueIdOrKey")            // percent-decoded path segment
/// let maxResults = try request.integer("maxResults", default: 50)
/// let body = try request.jsonBody()
/// ```
struct RouteRequest: Sendable {
    let method: HTTPMethod
    /// The request target exactly as received, e.g. `/rest/api/3/issue/..%2Fadmin?x=1`.
    let uri: String
    /// The raw, still percent-encoded path.
    let path: String
    /// The raw query string after `?`, if any.
    let rawQuery: String?
    let query: QueryParameters
    let headers: HTTPHeaders
    let body: [UInt8]
    /// The server's base URL, e.g. `http://127.0.0.1:8080`, for `self` links.
    let baseURL: String
    /// Path segments, split on `/` first and then percent-decoded.
    let pathSegments: [String]
    /// Values captured by the matched route's `{name}` segments.
    var parameters: [String: String] = [:]
    /// The account of the authenticated caller, once authentication has run.
    var accountId: String?
    /// Jira Cloud (the site root) or Data Center (under the `/jira` context path).
    var jiraDeployment = JiraDeployment.cloud

    init(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: [UInt8], baseURL: String) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
        self.baseURL = baseURL
        let target = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = target.first.map(String.init) ?? ""
        rawQuery = target.count > 1 ? String(target[1]) : nil
        query = QueryParameters(rawQuery: rawQuery?[...])
        pathSegments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { PercentEncoding.decode($0) }
    }

    /// A captured path parameter; routes only ask for names their pattern declares.
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The body parsed as JSON; an empty or malformed body is a 400.
    func jsonBody() throws(APIError) -> JSONValue {
        guard !body.isEmpty else { throw .badRequest("No content to map due to end-of-input") }
        do {
            return try JSONValue(parsing: body)
        } catch {
            throw .badRequest("Invalid JSON body: \(error.description)")
        }
    }

    /// The body parsed as a JSON object; anything else is a 400.
    func jsonObjectBody() throws(APIError) -> JSONObject {
        guard let object = try jsonBody().objectValue else { throw .badRequest("The request body must be a JSON object.") }
        return object
    }

    /// An integer query parameter, `defaultValue` when absent; a non-integer value is a 400.
    func integer(_ name: String, default defaultValue: Int) throws(APIError) -> Int {
        guard let text = query[name], !text.isEmpty else { return defaultValue }
        guard let value = Int(text) else {
            throw .badRequest("The value '\(text)' of the parameter '\(name)' is not a valid integer.")
        }
        return value
    }

    /// A boolean query parameter (`true`/`false`), `false` when absent.
    func flag(_ name: String) -> Bool {
        query[name]?.lowercased() == "true"
    }

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first(name: name)
    }
}
