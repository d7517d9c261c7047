/// A JQL query ready to run against the sandbox's issues: a restriction and an order.
///
/// Supports `project`, `key`/`issue`/`issuekey`/`id`, `status`, `statusCategory`, `assignee`, `reporter`,
/// `creator`, `type`/`issuetype`, `priority`, `labels`, `sprint` (id, name, `openSprints()`,
/// `closedSprints()`, `futureSprints()`), `component`, `fixVersion`, `parent`, `summary`, `description`,
/// `comment`, `text`, `created` and `updated`, with `=`, `!=`, `~`, `!~`, `IN`, `NOT IN`, `IS [NOT] EMPTY`
/// and, for dates, `<`, `<=`, `>`, `>=`. Users match by accountId, e-mail, display name or username.
/// Without `ORDER BY`, results come newest key first.
///
/// ```swift
/// let query = try JQLQuery("project = DEMO AND assignee = currentUser() ORDER BY priority DESC")
/// let issues = try query.run(in: state.jira, currentUser: accountId)
/// ```
struct JQLQuery {
    static let unboundedMessage = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."

    let parsed: ParsedQuery

    init(_ text: String) throws(APIError) {
        do {
            parsed = try QueryParser.parse(text)
        } catch {
            throw .badRequest("Error in the JQL Query: \(error.positionedMessage)")
        }
    }

    /// Whether `issue` matches the restriction (a query without one matches every issue), as a webhook's
    /// JQL filter is applied to the issue of an event.
    func matches(_ issue: JiraIssue, in state: JiraState, currentUser: String?) throws(APIError) -> Bool {
        guard let restriction = parsed.restriction else { return true }
        return try JQLCompiler(state: state, currentUser: currentUser, now: .now()).predicate(for: restriction)(issue)
    }

    /// The matching issues, sorted; still boxed, so that only the page a caller renders is copied out.
    func run(in state: JiraState, currentUser: String?) throws(APIError) -> [StoredIssue] {
        // Cloud refuses queries without a restriction ("unbounded"), even with an ORDER BY.
        guard let restriction = parsed.restriction else { throw .badRequest(Self.unboundedMessage) }
        let compiler = JQLCompiler(state: state, currentUser: currentUser, now: .now())
        let predicate = try compiler.predicate(for: restriction)
        let ordering = try JQLOrdering(parsed.orderBy)
        return state.storedIssues(where: predicate).sorted { ordering.areInIncreasingOrder($0.issue, $1.issue) }
    }
}
