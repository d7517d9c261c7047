/// How a connector can be kept to some containers — Jira projects, Confluence spaces — that an operator
/// lists in an environment variable, as mcp-atlassian's `JIRA_PROJECTS_FILTER` and
/// `CONFLUENCE_SPACES_FILTER` do.
///
/// ```json
/// "scope": {
///   "name": "project",
///   "env": ["JIRA_PROJECTS_FILTER"],
///   "params": {"project": "key", "issue": "issue_key", "jql": "query"},
///   "narrow": "project in ({values})"
/// }
/// ```
///
/// With the variable set (`DEMO,OPS`), a `key` param must name an allowed container, an `issue_key` param
/// (`DEMO-12`) must belong to one, and a `query` param is narrowed with `narrow` ANDed in front of it (an
/// `ORDER BY` stays at the end). Numeric ids name no container and pass unchecked.
public struct ScopeSpec: Sendable, Hashable {
    public enum ParamKind: String, Sendable, CaseIterable {
        /// The value (or each value of an array) is a container key.
        case key
        /// The value is an item key whose prefix before the last `-` is the container key (`DEMO-12`).
        case issueKey = "issue_key"
        /// The value is a query, narrowed to the allowed containers.
        case query
    }

    /// What a container is called, for messages: `project`, `space`.
    public let name: String
    public let environment: [String]
    public let params: [String: ParamKind]
    /// The clause that keeps a query inside the allowed containers; `{values}` becomes the quoted list.
    public let narrow: String

    public init(name: String, environment: [String], params: [String: ParamKind], narrow: String) {
        self.name = name
        self.environment = environment
        self.params = params
        self.narrow = narrow
    }

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> ScopeSpec? {
        guard var reader = ObjectReader(json, at: pointer, what: "'scope'", problems: &problems) else { return nil }
        let name = reader.string("name", required: true, problems: &problems)
        let environment = reader.strings("env", problems: &problems) ?? []
        if environment.isEmpty { problems.add(pointer, "'scope' needs 'env': the variables that list the allowed \(name ?? "containers")") }
        var params: [String: ParamKind] = [:]
        if let paramsJSON = reader.value("params") {
            if let object = paramsJSON.objectValue {
                for member in object {
                    guard let kind = member.value.stringValue.flatMap(ParamKind.init(rawValue:)) else {
                        problems.add(
                            pointer.appending("params").appending(member.key),
                            "scope param kind must be one of \(ParamKind.allCases.map(\.rawValue).joined(separator: ", ")), got \(member.value.displayText)"
                        )
                        continue
                    }
                    params[member.key] = kind
                }
            } else {
                problems.add(pointer.appending("params"), "'params' must be an object of param name → kind")
            }
        }
        let narrow = reader.string("narrow", required: params.values.contains(.query), problems: &problems) ?? ""
        if params.values.contains(.query), !narrow.contains("{values}") {
            problems.add(pointer.appending("narrow"), "'narrow' must contain {values}, where the allowed keys go")
        }
        reader.reportUnknownFields(&problems)
        guard let name else { return nil }
        return ScopeSpec(name: name, environment: environment, params: params, narrow: narrow)
    }
}
