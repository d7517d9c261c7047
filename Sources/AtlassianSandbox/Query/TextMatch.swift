/// The word matching behind JQL and CQL `~`: every term of the query must occur in the text,
/// ignoring case; `*` and `?` wildcards are dropped.
///
/// ```swift
/// TextMatch.contains("Login fails when the email contains a plus sign", terms: TextMatch.terms(of: "login email"))  // true
/// ```
enum TextMatch {
    static func terms(of query: String) -> [String] {
        query.lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .map { $0.filter { $0 != "*" && $0 != "?" && $0 != "\"" } }
            .filter { !$0.isEmpty }
    }

    static func contains(_ text: String, terms: [String]) -> Bool {
        guard !terms.isEmpty else { return false }
        let haystack = text.lowercased()
        return terms.allSatisfy { haystack.contains($0) }
    }
}
