/// An issue as ``JiraState`` keeps it: immutable and shared, so snapshots, scans and sorts copy one
/// pointer rather than every field of the issue. A change stores a new `StoredIssue`.
///
/// ```swift
/// let matches = state.storedIssues { $0.projectKey == "DEMO" }   // no issue is copied
/// matches.first?.issue.summary
/// ```
final class StoredIssue: Sendable {
    let issue: JiraIssue

    init(_ issue: JiraIssue) {
        self.issue = issue
    }
}
