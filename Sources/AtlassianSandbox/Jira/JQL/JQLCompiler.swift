/// Turns JQL clauses into predicates over issues, resolving names such as `currentUser()` or `"In Progress"`
/// against the sandbox's data, and reporting unknown fields and values with Jira's messages.
///
/// ```swift
/// let compiler = JQLCompiler(state: state, currentUser: accountId, now: .now())
/// let isMine = try compiler.predicate(for: parsed.restriction!)
/// ```
struct JQLCompiler {
    typealias Predicate = (JiraIssue) -> Bool

    let state: JiraState
    let currentUser: String?
    let now: Timestamp

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
        let field = clause.field.lowercased()
        switch field {
        case "project":
            return try single(clause) { $0.projectId } resolve: { value throws(APIError) in
                guard let project = state.project(idOrKey: value.description)
                    ?? state.projects.first(where: { $0.name.lowercased() == value.description.lowercased() })
                else { throw valueError(value, clause) }
                return project.id
            }
        case "key", "issue", "issuekey", "id":
            return try single(clause) { $0.id } resolve: { value throws(APIError) in
                guard let issue = state.issue(idOrKey: value.description) else {
                    throw .badRequest("An issue with key '\(value)' does not exist for field '\(clause.field)'.")
                }
                return issue.id
            }
        case "status":
            return try single(clause) { $0.statusId } resolve: { value throws(APIError) in
                guard let status = JiraStatus.find(value.description) else { throw valueError(value, clause) }
                return status.id
            }
        case "statuscategory":
            return try single(clause) { String($0.status.category.id) } resolve: { value throws(APIError) in
                guard let category = JiraStatus.Category.find(value.description) else { throw valueError(value, clause) }
                return String(category.id)
            }
        case "assignee", "reporter", "creator":
            return try single(clause) { issue in
                field == "assignee" ? issue.assigneeId : field == "reporter" ? issue.reporterId : issue.creatorId
            } resolve: { value throws(APIError) in
                try accountId(for: value, clause)
            }
        case "type", "issuetype":
            return try single(clause) { $0.issueTypeId } resolve: { value throws(APIError) in
                guard let type = JiraIssueType.find(value.description) else { throw valueError(value, clause) }
                return type.id
            }
        case "priority":
            return try single(clause) { $0.priorityId } resolve: { value throws(APIError) in
                guard let priority = JiraPriority.find(value.description) else { throw valueError(value, clause) }
                return priority.id
            }
        case "parent":
            return try single(clause) { $0.parentId } resolve: { value throws(APIError) in
                guard let parent = state.issue(idOrKey: value.description) else { throw valueError(value, clause) }
                return parent.id
            }
        case "labels":
            return try labels(clause)
        case "sprint":
            return try sprint(clause)
        case "component":
            return try multi(clause, { $0.componentIds }) { value throws(APIError) in
                guard let component = state.components.first(where: { $0.id == value.description || $0.name.lowercased() == value.description.lowercased() })
                else { throw valueError(value, clause) }
                return [component.id]
            }
        case "fixversion":
            return try multi(clause, { $0.fixVersionIds }) { value throws(APIError) in
                let matches = state.versions.filter { $0.id == value.description || $0.name.lowercased() == value.description.lowercased() }
                guard !matches.isEmpty else { throw valueError(value, clause) }
                return Set(matches.map(\.id))
            }
        case "summary":
            return try text(clause) { $0.summary }
        case "description":
            return try text(clause) { $0.description.map(JiraText.plain) }
        case "comment":
            return try text(clause) { issue in
                issue.comments.isEmpty ? nil : issue.comments.map { JiraText.plain($0.body) }.joined(separator: " ")
            }
        case "text":
            return try text(clause) { issue in
                ([issue.summary] + [issue.description.map(JiraText.plain) ?? ""]
                    + issue.comments.map { JiraText.plain($0.body) }).joined(separator: " ")
            }
        case "created", "createddate":
            return try date(clause) { $0.created }
        case "updated", "updateddate":
            return try date(clause) { $0.updated }
        default:
            throw .badRequest("Field '\(clause.field)' does not exist or you do not have permission to view it.")
        }
    }

    /// A single-valued field compared with `=`, `!=`, `IN`, `NOT IN` or `IS [NOT] EMPTY`.
    ///
    /// As in Jira, `!=` and `NOT IN` never match issues where the field is empty.
    private func single(
        _ clause: QueryClause,
        _ extract: @escaping (JiraIssue) -> String?,
        resolve: (QueryValue) throws(APIError) -> String
    ) throws(APIError) -> Predicate {
        let (wantsEmpty, negated) = try equalityShape(of: clause)
        if let wantsEmpty {
            return { (extract($0) == nil) == wantsEmpty }
        }
        var accepted: Set<String> = []
        for value in clause.operand.values { accepted.insert(try resolve(value)) }
        return { issue in
            guard let value = extract(issue) else { return false }
            return accepted.contains(value) != negated
        }
    }

    /// `sprint = 2`, `sprint = "DEMO Sprint 2"`, `sprint in openSprints()`, `closedSprints()`, `futureSprints()`.
    private func sprint(_ clause: QueryClause) throws(APIError) -> Predicate {
        try multi(clause, { issue in issue.sprintIds.map(String.init) }) { value throws(APIError) in
            if case .function(let name, _) = value {
                let states: Set<JiraSprint.State>
                switch name.lowercased() {
                case "opensprints": states = [.active, .future]
                case "closedsprints": states = [.closed]
                case "futuresprints": states = [.future]
                default: throw .badRequest("Unable to find JQL function '\(value)'.")
                }
                return Set(state.sprints.filter { states.contains($0.state) }.map { String($0.id) })
            }
            let matches = state.sprints.filter { String($0.id) == value.description || $0.name.lowercased() == value.description.lowercased() }
            guard !matches.isEmpty else { throw valueError(value, clause) }
            return Set(matches.map { String($0.id) })
        }
    }

    /// A multi-valued field (`sprint`, `component`, `fixVersion`): `=`/`IN` match when any value is accepted.
    private func multi(
        _ clause: QueryClause,
        _ extract: @escaping (JiraIssue) -> [String],
        resolve: (QueryValue) throws(APIError) -> Set<String>
    ) throws(APIError) -> Predicate {
        let (wantsEmpty, negated) = try equalityShape(of: clause)
        if let wantsEmpty {
            return { extract($0).isEmpty == wantsEmpty }
        }
        var accepted: Set<String> = []
        for value in clause.operand.values { accepted.formUnion(try resolve(value)) }
        return { issue in
            let hasAny = extract(issue).contains(where: accepted.contains)
            return negated ? !hasAny : hasAny
        }
    }

    private func labels(_ clause: QueryClause) throws(APIError) -> Predicate {
        let (wantsEmpty, negated) = try equalityShape(of: clause)
        if let wantsEmpty {
            return { $0.labels.isEmpty == wantsEmpty }
        }
        let wanted = Set(clause.operand.values.map(\.description))
        return { issue in
            let hasAny = issue.labels.contains(where: wanted.contains)
            return negated ? !hasAny : hasAny
        }
    }

    /// `true`/`false` for `IS EMPTY` / `IS NOT EMPTY` (or `= EMPTY` / `!= EMPTY`), `nil` for value comparisons;
    /// and whether the comparison is negated.
    private func equalityShape(of clause: QueryClause) throws(APIError) -> (wantsEmpty: Bool?, negated: Bool) {
        switch (clause.comparison, clause.operand) {
        case (.is, .empty), (.equals, .empty): return (true, false)
        case (.isNot, .empty), (.notEquals, .empty): return (false, false)
        case (.equals, _), (.isIn, _): return (nil, false)
        case (.notEquals, _), (.notIn, _): return (nil, true)
        default: throw operatorError(clause)
        }
    }

    /// A text field searched with `~` / `!~`: every word of the value must occur, case-insensitively.
    private func text(_ clause: QueryClause, _ extract: @escaping (JiraIssue) -> String?) throws(APIError) -> Predicate {
        switch (clause.comparison, clause.operand) {
        case (.is, .empty): return { extract($0)?.isEmpty ?? true }
        case (.isNot, .empty): return { !(extract($0)?.isEmpty ?? true) }
        case (.contains, .value(let value)), (.notContains, .value(let value)):
            let terms = TextMatch.terms(of: value.description)
            let negated = clause.comparison == .notContains
            return { issue in TextMatch.contains(extract(issue) ?? "", terms: terms) != negated }
        default:
            throw operatorError(clause)
        }
    }

    private func date(_ clause: QueryClause, _ extract: @escaping (JiraIssue) -> Timestamp) throws(APIError) -> Predicate {
        guard case .value(let value) = clause.operand, let bound = timestamp(value) else {
            if case .value(let value) = clause.operand {
                throw .badRequest("Date value '\(value)' for field '\(clause.field)' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")
            }
            throw operatorError(clause)
        }
        switch clause.comparison {
        case .equals: return { extract($0) == bound }
        case .notEquals: return { extract($0) != bound }
        case .lessThan: return { extract($0) < bound }
        case .lessThanOrEqual: return { extract($0) <= bound }
        case .greaterThan: return { extract($0) > bound }
        case .greaterThanOrEqual: return { extract($0) >= bound }
        default: throw operatorError(clause)
        }
    }

    /// An absolute date literal or a relative period such as `-7d`, `-2w` or `-4h`.
    private func timestamp(_ value: QueryValue) -> Timestamp? {
        let text = value.description
        if let absolute = Timestamp(queryLiteral: text) { return absolute }
        guard let unit = text.last, let amount = Int(text.dropLast()) else { return nil }
        let minutes: Int
        switch unit {
        case "m": minutes = amount
        case "h": minutes = amount * 60
        case "d": minutes = amount * 1_440
        case "w": minutes = amount * 10_080
        default: return nil
        }
        return now.adding(minutes: minutes)
    }

    private func accountId(for value: QueryValue, _ clause: QueryClause) throws(APIError) -> String {
        if case .function(let name, _) = value {
            guard name.lowercased() == "currentuser", let currentUser else {
                throw .badRequest("Unable to find JQL function '\(value)'.")
            }
            return currentUser
        }
        let needle = value.description.lowercased()
        guard let user = state.users.first(where: {
            $0.accountId == value.description || $0.emailAddress.lowercased() == needle || $0.displayName.lowercased() == needle
                || $0.username == needle
        }) else { throw valueError(value, clause) }
        return user.accountId
    }

    private func valueError(_ value: QueryValue, _ clause: QueryClause) -> APIError {
        .badRequest("The value '\(value)' does not exist for the field '\(clause.field)'.")
    }

    private func operatorError(_ clause: QueryClause) -> APIError {
        .badRequest("The operator '\(clause.comparison.rawValue.uppercased())' is not supported by the '\(clause.field)' field.")
    }
}
