/// A route path such as `/rest/api/3/issue/{issueIdOrKey}/comment/{id}`, matched segment by segment
/// against a request path that was split on `/` and then percent-decoded.
///
/// `{name}` captures one non-empty segment; a final `*` captures whatever follows, including nothing.
///
/// ```swift
/// let pattern = RoutePattern("/rest/api/3/issue/{issueIdOrKey}")
/// pattern.match(["rest", "api", "3", "issue", "../../admin"])   // ["issueIdOrKey": "../../admin"]
/// ```
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case remainder
    }

    let segments: [Segment]

    init(_ path: String) {
        segments = path.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part == "*" { return .remainder }
            if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
    }

    /// The captured parameters when `pathSegments` fits this pattern, otherwise `nil`.
    func match(_ pathSegments: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            if segment == .remainder { return parameters }
            guard index < pathSegments.count else { return nil }
            let value = pathSegments[index]
            switch segment {
            case .literal(let literal):
                guard value == literal else { return nil }
            case .parameter(let name):
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            case .remainder:
                return parameters
            }
        }
        return pathSegments.count == segments.count ? parameters : nil
    }
}
