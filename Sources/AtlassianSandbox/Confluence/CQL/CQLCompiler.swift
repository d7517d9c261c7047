/// Turns CQL clauses into predicates over pages and blog posts.
///
/// ```swift
/// let compiler = CQLCompiler(state: state, currentUser: accountId)
/// let inDemo = try compiler.predicate(for: parsed.restriction!)
/// ```
struct CQLCompiler {
    typealias Predicate = (ConfluenceContent) -> Bool

    let state: SandboxState
    let currentUser: String?

    func predicate(for expression: QueryExpression) throws(APIError) -> Predicate {
        switch expression {
        case .clause(let clause):
            return try predicate(for: clause)
        case .and(let left, let right):
            let (first, second) = (try predicate(for: left), try predicate(for: right))
            return { first($0) && second($0) }
        case .or(let left, let right):
            let (first, second) = (try predicate(for: left), try predicate(for: right))
            return { first($0) || second($0) }
        case .not(let inner):
            let negated = try predicate(for: inner)
            return { !negated($0) }
        }
    }

    private func predicate(for clause: QueryClause) throws(APIError) -> Predicate {
        switch clause.field.lowercased() {
        case "type":
            let types = Set(clause.operand.values.map { $0.description.lowercased() })
            for type in types where ConfluenceContent.Kind(rawValue: type) == nil {
                throw .badRequest("Could not parse cql : unknown content type '\(type)'.")
            }
            return try equality(clause, values: types) { $0.kind.rawValue }
        case "space", "space.key":
            let keys = Set(clause.operand.values.map { $0.description.lowercased() })
            let spaceIds = Set(state.confluence.spaces.filter { keys.contains($0.key.lowercased()) }.map(\.id))
            return try equality(clause, values: spaceIds) { $0.spaceId }
        case "space.id":
            return try equality(clause, values: Set(clause.operand.values.map(\.description))) { $0.spaceId }
        case "id", "content":
            return try equality(clause, values: Set(clause.operand.values.map(\.description))) { $0.id }
        case "parent":
            return try equality(clause, values: Set(clause.operand.values.map(\.description))) { $0.parentId ?? "" }
        case "ancestor":
            let ancestorIds = Set(clause.operand.values.map(\.description))
            let confluence = state.confluence
            let isDescendant: Predicate = { content in
                confluence.ancestors(of: content.id).contains { ancestorIds.contains($0.id) }
            }
            switch clause.comparison {
            case .equals, .isIn: return isDescendant
            case .notEquals, .notIn: return { !isDescendant($0) }
            default: throw operatorError(clause)
            }
        case "label":
            let names = Set(clause.operand.values.map { $0.description.lowercased() })
            let confluence = state.confluence
            let hasLabel: Predicate = { content in confluence.labels(on: content.id).contains { names.contains($0.name) } }
            switch clause.comparison {
            case .equals, .isIn: return hasLabel
            case .notEquals, .notIn: return { !hasLabel($0) }
            default: throw operatorError(clause)
            }
        case "creator":
            let accounts = Set(clause.operand.values.map { value in
                if case .function(let name, _) = value, name.lowercased() == "currentuser" { return currentUser ?? "" }
                return value.description
            })
            return try equality(clause, values: accounts) { $0.authorId }
        case "title":
            if clause.comparison == .contains || clause.comparison == .notContains {
                return try text(clause) { $0.title }
            }
            return try equality(clause, values: Set(clause.operand.values.map { $0.description.lowercased() })) { $0.title.lowercased() }
        case "text":
            return try text(clause) { "\($0.title) \(BodyConverter.plainText(of: $0.body))" }
        case "created":
            return try date(clause) { $0.createdAt }
        case "lastmodified":
            return try date(clause) { $0.version.createdAt }
        default:
            throw .badRequest("Could not parse cql : the field '\(clause.field)' is not supported.")
        }
    }

    private func equality(_ clause: QueryClause, values: Set<String>, _ extract: @escaping (ConfluenceContent) -> String) throws(APIError) -> Predicate {
        switch clause.comparison {
        case .equals, .isIn: return { values.contains(extract($0)) }
        case .notEquals, .notIn: return { !values.contains(extract($0)) }
        default: throw operatorError(clause)
        }
    }

    private func text(_ clause: QueryClause, _ extract: @escaping (ConfluenceContent) -> String) throws(APIError) -> Predicate {
        guard case .value(let value) = clause.operand else { throw operatorError(clause) }
        let terms = TextMatch.terms(of: value.description)
        switch clause.comparison {
        case .contains: return { TextMatch.contains(extract($0), terms: terms) }
        case .notContains: return { !TextMatch.contains(extract($0), terms: terms) }
        default: throw operatorError(clause)
        }
    }

    private func date(_ clause: QueryClause, _ extract: @escaping (ConfluenceContent) -> Timestamp) throws(APIError) -> Predicate {
        guard case .value(let value) = clause.operand, let bound = Timestamp(queryLiteral: value.description) else {
            throw .badRequest("Could not parse cql : invalid date for '\(clause.field)'; use yyyy-MM-dd or yyyy/MM/dd.")
        }
        switch clause.comparison {
        case .equals: return { extract($0).dateText == bound.dateText }
        case .lessThan: return { extract($0) < bound }
        case .lessThanOrEqual: return { extract($0) <= bound }
        case .greaterThan: return { extract($0) > bound }
        case .greaterThanOrEqual: return { extract($0) >= bound }
        default: throw operatorError(clause)
        }
    }

    private func operatorError(_ clause: QueryClause) -> APIError {
        .badRequest("Could not parse cql : the operator '\(clause.comparison.rawValue)' is not supported for the field '\(clause.field)'.")
    }
}
