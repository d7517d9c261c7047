/// A CQL query over users, as `/rest/api/search/user` takes it.
///
/// Supports `type = user`, `user = <accountId>` (or `currentUser()`), `user.fullname ~ "text"` and
/// `user.accountid = <id>`, joined with `AND`, `OR`, `NOT` and parentheses; text matches the display name
/// or e-mail address, case-insensitively. Deactivated accounts are left out.
///
/// ```swift
/// let query = try CQLUserQuery(#"user.fullname ~ "alice""#)
/// query.run(in: state, currentUser: accountId).map(\.displayName)   // ["Alice Nguyen"]
/// ```
struct CQLUserQuery {
    typealias Predicate = (JiraUser) -> Bool

    let parsed: ParsedQuery

    init(_ text: String) throws(APIError) {
        do {
            parsed = try QueryParser.parse(text)
        } catch {
            throw .badRequest("Could not parse cql : \(text) (\(error.message) At character \(error.position).)")
        }
        guard parsed.restriction != nil else { throw .badRequest("The user search needs a user query, e.g. user.fullname ~ \"name\".") }
    }

    func run(in state: SandboxState, currentUser: String?) throws(APIError) -> [JiraUser] {
        let predicate = try parsed.restriction.map { expression throws(APIError) in try Self.predicate(for: expression, currentUser: currentUser) }
        return state.jira.users.filter { $0.active && (predicate?($0) ?? true) }.sorted { $0.displayName < $1.displayName }
    }

    private static func predicate(for expression: QueryExpression, currentUser: String?) throws(APIError) -> Predicate {
        switch expression {
        case .clause(let clause):
            return try predicate(for: clause, currentUser: currentUser)
        case .and(let left, let right):
            let (first, second) = (try predicate(for: left, currentUser: currentUser), try predicate(for: right, currentUser: currentUser))
            return { first($0) && second($0) }
        case .or(let left, let right):
            let (first, second) = (try predicate(for: left, currentUser: currentUser), try predicate(for: right, currentUser: currentUser))
            return { first($0) || second($0) }
        case .not(let inner):
            let negated = try predicate(for: inner, currentUser: currentUser)
            return { !negated($0) }
        }
    }

    private static func predicate(for clause: QueryClause, currentUser: String?) throws(APIError) -> Predicate {
        let values = clause.operand.values.map { value in
            if case .function(let name, _) = value, name.lowercased() == "currentuser" { return currentUser ?? "" }
            return value.description
        }
        switch (clause.field.lowercased(), clause.comparison) {
        case ("type", .equals):
            return { _ in values.contains { $0.lowercased() == "user" } }
        case ("user", .equals), ("user", .isIn), ("user.accountid", .equals), ("user.accountid", .isIn):
            return { values.contains($0.accountId) }
        case ("user.fullname", .contains), ("user", .contains):
            let needle = values.first ?? ""
            return { $0.matches(query: needle) }
        case ("user.fullname", .equals):
            return { user in values.contains { $0.lowercased() == user.displayName.lowercased() } }
        default:
            throw .badRequest("Could not parse cql : '\(clause.field) \(clause.comparison.rawValue)' is not supported in a user search; use type = user, user = <accountId> or user.fullname ~ \"name\".")
        }
    }
}
