import NIOHTTP1

/// Which representation a Jira route answers in.
///
/// - `v3`: Jira Cloud REST v3: rich text as ADF, users by `accountId`.
/// - `v2`: REST v2 as Jira Server/Data Center serves it: rich text as wiki markup, users by `name`/`key`.
/// - `agile`: Jira Software REST 1.0: rich text as wiki markup, users with both kinds of identifier.
///
/// ```swift
/// router.addJira(.GET, "/issue/{issueIdOrKey}") { request, version in ... }   // serves /rest/api/3/... and /rest/api/2/...
/// ```
enum JiraAPIVersion: Sendable, CaseIterable {
    case v3, v2, agile

    /// The REST platform versions every platform route is served under.
    static let platform: [JiraAPIVersion] = [.v3, .v2]

    var pathPrefix: String {
        switch self {
        case .v3: "/rest/api/3"
        case .v2: "/rest/api/2"
        case .agile: "/rest/agile/1.0"
        }
    }

    /// Whether rich text is ADF (v3) rather than wiki markup.
    var usesADF: Bool { self == .v3 }

    /// Whether users are identified by `name`/`key` (Server/Data Center).
    var usesUsernames: Bool { self == .v2 }
}

extension Router {
    /// Registers a platform route under each of `/rest/api/3` and `/rest/api/2`; `path` is what follows the prefix.
    mutating func addJira(
        _ method: HTTPMethod,
        _ path: String,
        versions: [JiraAPIVersion] = JiraAPIVersion.platform,
        handler: @escaping @Sendable (RouteRequest, JiraAPIVersion) throws -> SandboxResponse
    ) {
        for version in versions {
            add(method, version.pathPrefix + path, dialect: .jira) { try handler($0, version) }
        }
    }
}
