import Foundation

/// Keeps a connector's calls inside the projects or spaces an operator allows (``ScopeSpec``): a call that
/// names another one is refused with a `permission` error naming the filter, and queries are narrowed.
///
/// ```swift
/// let filter = ScopeFilter(spec: jira.scope!, environment: ["JIRA_PROJECTS_FILTER": "DEMO,OPS"])!
/// var params: JSONObject = ["jql": "status = Done ORDER BY key"]
/// try filter.apply(to: &params, declared: ["jql"])
/// // params["jql"] == "project in (\"DEMO\", \"OPS\") AND (status = Done) ORDER BY key"
/// ```
struct ScopeFilter: Sendable {
    let spec: ScopeSpec
    /// The variable the allowed keys came from, named in every refusal.
    let variable: String
    /// Allowed keys, uppercased for comparison, in the order given.
    let allowed: [String]

    /// The filter the environment sets for `spec`, or `nil` when none of its variables is set.
    init?(spec: ScopeSpec, environment: [String: String]) {
        for variable in spec.environment {
            let keys = (environment[variable] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !keys.isEmpty else { continue }
            self.spec = spec
            self.variable = variable
            allowed = keys
            return
        }
        return nil
    }

    /// Checks and narrows the params of one call; `declared` are the params its action has.
    func apply(to params: inout JSONObject, declared: Set<String>) throws(ExecutionError) {
        for (param, kind) in spec.params.sorted(by: { $0.key < $1.key }) where declared.contains(param) {
            switch kind {
            case .key:
                for value in Self.strings(params[param]) where !isAllowed(value) {
                    throw refusal("\(spec.name) '\(value)'", param: param)
                }
            case .issueKey:
                for value in Self.strings(params[param]) {
                    guard let dash = value.lastIndex(of: "-"), Int(value[value.index(after: dash)...]) != nil else { continue }
                    let container = String(value[..<dash])
                    if !isAllowed(container) { throw refusal("'\(value)' (\(spec.name) '\(container)')", param: param) }
                }
            case .query:
                let query = params[param]?.stringValue ?? ""
                params[param] = .string(narrowed(query))
            }
        }
    }

    private func isAllowed(_ key: String) -> Bool {
        allowed.contains { $0.caseInsensitiveCompare(key) == .orderedSame }
    }

    private func refusal(_ what: String, param: String) -> ExecutionError {
        ExecutionError(
            kind: .permission,
            message: "\(what) in '\(param)' is outside \(variable) (\(allowed.joined(separator: ", "))): this server reaches only those \(spec.name)s",
            details: ["filter": .string(variable), "allowed": .array(allowed.map(JSONValue.string)), "param": .string(param)],
            retryable: false
        )
    }

    /// `narrow AND (query) ORDER BY …`, with the query's own ordering kept last.
    func narrowed(_ query: String) -> String {
        let values = allowed.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ", ")
        let clause = spec.narrow.replacingOccurrences(of: "{values}", with: values)
        let (body, order) = Self.splitOrderBy(query)
        let condition = body.trimmingCharacters(in: .whitespaces).isEmpty ? clause : "\(clause) AND (\(body.trimmingCharacters(in: .whitespaces)))"
        return order.map { "\(condition) \($0)" } ?? condition
    }

    /// The query before a trailing `ORDER BY` outside quotes, and that clause.
    static func splitOrderBy(_ query: String) -> (String, String?) {
        let scalars = Array(query.unicodeScalars)
        var quote: Unicode.Scalar?
        var found: Int?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == "\\" { index += 1 } else if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if (index == 0 || !Self.isWordScalar(scalars[index - 1])), matchesOrderBy(scalars, at: index) {
                found = index
            }
            index += 1
        }
        guard let found else { return (query, nil) }
        let body = String(String.UnicodeScalarView(scalars[..<found]))
        let order = String(String.UnicodeScalarView(scalars[found...])).trimmingCharacters(in: .whitespaces)
        return (body, order)
    }

    private static func matchesOrderBy(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        let word = Array("order".unicodeScalars)
        guard start + word.count < scalars.count,
              String(String.UnicodeScalarView(scalars[start..<(start + word.count)])).lowercased() == "order" else { return false }
        var index = start + word.count
        guard index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" else { return false }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" { index += 1 }
        guard index + 2 <= scalars.count, String(String.UnicodeScalarView(scalars[index..<(index + 2)])).lowercased() == "by" else { return false }
        return index + 2 == scalars.count || !isWordScalar(scalars[index + 2])
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: [text]
        case .array(let elements)?: elements.compactMap(\.stringValue)
        default: []
        }
    }
}
