/// A parsed JQL or CQL query: an optional restriction and an optional sort order.
///
/// Both languages share this shape; Jira and Confluence each decide what the field names mean.
///
/// ```swift
/// let query = try QueryParser.parse(#"project = DEMO AND status in ("To Do", Done) ORDER BY created DESC"#)
/// query.restriction   // .and(.clause(project = DEMO), .clause(status in [...]))
/// query.orderBy       // [QuerySort(field: "created", direction: .descending)]
/// ```
struct ParsedQuery: Sendable {
    let restriction: QueryExpression?
    let orderBy: [QuerySort]
}

/// One `ORDER BY` item.
struct QuerySort: Sendable {
    enum Direction: Sendable {
        case ascending
        case descending
    }

    let field: String
    /// `nil` when the query did not say, leaving the field's natural direction.
    let direction: Direction?
}
