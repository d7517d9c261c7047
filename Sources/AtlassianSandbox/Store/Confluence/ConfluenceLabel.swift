/// A label on a page or blog post. The same name has the same id on every piece of content, as in
/// Confluence, where a label is a site-wide entity attached to content.
///
/// ```swift
/// ConfluenceLabel(id: "1001", prefix: "global", name: "runbook")
/// ```
struct ConfluenceLabel: Sendable, Equatable {
    let id: String
    /// `global`, `my` or `team`.
    let prefix: String
    /// Lower-case, without spaces, e.g. `release-notes`.
    let name: String

    static let prefixes: Set<String> = ["global", "my", "team"]
}
