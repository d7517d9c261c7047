/// A CQL query ready to run against the sandbox's pages and blog posts.
///
/// Supports `type`, `space` / `space.key`, `space.id`, `title`, `text`, `id`, `parent`, `ancestor`,
/// `label`, `creator`, `created` and `lastmodified`, joined with `AND`, `OR`, `NOT` and parentheses, and
/// `ORDER BY title | created | lastmodified | id`. Only current content is searched.
///
/// ```swift
/// let query = try CQLQuery(#"type = page AND space = DEMO AND text ~ "checkout""#)
/// let results = try query.run(in: state, currentUser: accountId)
/// ```
struct CQLQuery {
    let parsed: ParsedQuery

    init(_ text: String) throws(APIError) {
        do {
            parsed = try QueryParser.parse(text)
        } catch {
            throw .badRequest("Could not parse cql : \(text) (\(error.message) At character \(error.position).)")
        }
    }

    func run(in state: SandboxState, currentUser: String?) throws(APIError) -> [ConfluenceContent] {
        let compiler = CQLCompiler(state: state, currentUser: currentUser)
        let predicate = try parsed.restriction.map { expression throws(APIError) in try compiler.predicate(for: expression) }
        let ordering = try CQLOrdering(parsed.orderBy)
        return state.confluence.allContent
            .filter { $0.status == "current" && (predicate?($0) ?? true) }
            .sorted(by: ordering.areInIncreasingOrder)
    }
}
