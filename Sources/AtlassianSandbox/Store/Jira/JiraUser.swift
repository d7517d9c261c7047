/// A Jira Cloud / Confluence Cloud user, identified by an opaque `accountId`.
///
/// ```swift
/// JiraUser.demo.displayName   // "Demo User"
/// ```
struct JiraUser: Sendable, Hashable {
    let accountId: String
    let displayName: String
    let emailAddress: String
    let timeZone: String
    var active = true

    /// The Server/Data Center username: the e-mail address up to the first `.` or `@`, e.g. `alice`.
    var username: String {
        String(emailAddress.prefix { $0 != "@" && $0 != "." }).lowercased()
    }

    /// The Server/Data Center user key; for accounts created before Jira 8.4 it equals the username.
    var userKey: String { username }

    /// The two-letter initials shown on avatars, e.g. `DU`.
    var initials: String {
        String(displayName.split(separator: " ").compactMap(\.first).prefix(2)).uppercased()
    }

    /// Whether a free-text user query matches the name or e-mail address (case-insensitive, substring).
    func matches(query: String) -> Bool {
        let needle = query.lowercased()
        return displayName.lowercased().contains(needle) || emailAddress.lowercased().contains(needle) || username.contains(needle)
    }
}
