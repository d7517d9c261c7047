/// One `field operator operand` comparison, e.g. `assignee = currentUser()` or `labels in (a, b)`.
///
/// ```swift
/// QueryClause(field: "labels", comparison: .isIn, operand: .list([.literal("a"), .literal("b")]))
/// ```
struct QueryClause: Sendable {
    let field: String
    let comparison: QueryComparison
    let operand: QueryOperand
}

/// The operators JQL and CQL share.
enum QueryComparison: String, Sendable {
    case equals = "="
    case notEquals = "!="
    case contains = "~"
    case notContains = "!~"
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case isIn = "in"
    case notIn = "not in"
    case `is` = "is"
    case isNot = "is not"
}

/// The right-hand side of a clause.
enum QueryOperand: Sendable {
    case value(QueryValue)
    case list([QueryValue])
    /// `EMPTY` or `NULL`.
    case empty

    /// The values of a single value or a list; empty for `EMPTY`.
    var values: [QueryValue] {
        switch self {
        case .value(let value): [value]
        case .list(let values): values
        case .empty: []
        }
    }
}

/// A literal or a function call such as `currentUser()`.
enum QueryValue: Sendable, CustomStringConvertible {
    case literal(String)
    case function(name: String, arguments: [String])

    var description: String {
        switch self {
        case .literal(let text): text
        case .function(let name, let arguments): "\(name)(\(arguments.joined(separator: ", ")))"
        }
    }
}
