/// A concrete HTTP request, filled from an action's templates and ready for auth and the wire.
///
/// The URL is kept in parts (base, encoded path, query pairs) so pagination and API-key auth can add query
/// params without re-parsing it.
public struct PreparedRequest: Sendable {
    public var method: HTTPMethodName
    /// Origin plus base path, without a trailing slash: `https://acme.atlassian.net`.
    public var baseURL: String
    /// The percent-encoded path, starting with `/`.
    public var path: String
    /// Query pairs, not yet encoded.
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    public var body: RequestBody?
    /// A complete URL (a next-page link) that replaces base URL, path and the template's query.
    public var absoluteURL: String?

    /// The full URL with its query string encoded.
    public var url: String {
        var url = absoluteURL ?? baseURL + path
        if !query.isEmpty {
            url += url.contains("?") ? "&" : "?"
            url += query.map { PercentEncoding.encodeQueryComponent($0.name) + "=" + PercentEncoding.encodeQueryComponent($0.value) }
                .joined(separator: "&")
        }
        return url
    }

    /// Sets a header, replacing any with the same name (case-insensitively).
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.equalsIgnoringASCIICase(name) }
        headers.append((name, value))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }
}

/// The body of a prepared request.
public enum RequestBody: Sendable {
    case json(JSONValue)
    case form([(name: String, value: String)])
    case multipart(MultipartForm)

    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .form: "application/x-www-form-urlencoded"
        case .multipart(let form): form.contentType
        }
    }

    public var bytes: [UInt8] {
        switch self {
        case .json(let value):
            value.serializedBytes()
        case .form(let pairs):
            Array(pairs.map { PercentEncoding.encodeFormComponent($0.name) + "=" + PercentEncoding.encodeFormComponent($0.value) }
                .joined(separator: "&").utf8)
        case .multipart(let form):
            form.bytes
        }
    }

    /// The bytes that identify the body's content: ``bytes``, except that a multipart body leaves out its
    /// random boundary.
    var fingerprintBytes: [UInt8] {
        if case .multipart(let form) = self { return form.canonicalBytes }
        return bytes
    }
}
