/// The `ORDER BY` part of a JQL query as a comparison of issues.
///
/// Ties fall back to key order, newest first, which is also the order when the query has no `ORDER BY`.
///
/// ```swift
/// let ordering = try JQLOrdering([QuerySort(field: "priority", direction: .descending)])
/// issues.sorted(by: ordering.areInIncreasingOrder)
/// ```
struct JQLOrdering {
    private enum Key {
        case key, created, updated, priority, summary, status, project
    }

    private let keys: [(Key, descending: Bool)]

    init(_ sorts: [QuerySort]) throws(APIError) {
        var keys: [(Key, descending: Bool)] = []
        for sort in sorts {
            let key: Key
            switch sort.field.lowercased() {
            case "key", "issuekey", "issue", "id": key = .key
            case "created", "createddate": key = .created
            case "updated", "updateddate": key = .updated
            case "priority": key = .priority
            case "summary": key = .summary
            case "status": key = .status
            case "project": key = .project
            default: throw .badRequest("Not able to sort using field '\(sort.field)'.")
            }
            keys.append((key, sort.direction == .descending))
        }
        self.keys = keys
    }

    func areInIncreasingOrder(_ lhs: JiraIssue, _ rhs: JiraIssue) -> Bool {
        for (key, descending) in keys {
            let order = compare(key, lhs, rhs)
            if order != 0 { return descending ? order > 0 : order < 0 }
        }
        return compare(.key, lhs, rhs) > 0
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs` in ascending order.
    private func compare(_ key: Key, _ lhs: JiraIssue, _ rhs: JiraIssue) -> Int {
        switch key {
        case .key: compareValues((lhs.projectKey, lhs.number), (rhs.projectKey, rhs.number))
        case .created: compareValues(lhs.created, rhs.created)
        case .updated: compareValues(lhs.updated, rhs.updated)
        case .priority: compareValues(lhs.priority.rank, rhs.priority.rank)
        case .summary: compareValues(lhs.summary.lowercased(), rhs.summary.lowercased())
        case .status: compareValues(lhs.status.name, rhs.status.name)
        case .project: compareValues(lhs.projectKey, rhs.projectKey)
        }
    }

    private func compareValues<T: Comparable>(_ lhs: T, _ rhs: T) -> Int {
        lhs < rhs ? -1 : (rhs < lhs ? 1 : 0)
    }

    private func compareValues(_ lhs: (String, Int), _ rhs: (String, Int)) -> Int {
        lhs < rhs ? -1 : (rhs < lhs ? 1 : 0)
    }
}
