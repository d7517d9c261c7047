/// The naming rules of an import: snake_case names, entities from tags or paths, and action names from
/// operationIds with the entity's words taken out.
///
/// ```swift
/// ImportNaming.snakeCase("getIssueWorklog")                                  // "get_issue_worklog"
/// ImportNaming.actionName(operationID: "getIssue", entity: "issues")        // "get"
/// ```
enum ImportNaming {
    /// Words taken out with an entity word they lead into ("search for issues" → "search").
    private static let linkingWords: Set<String> = ["a", "an", "the", "for", "of", "by", "in", "to", "from", "with", "on"]

    /// Lowercase words split at case changes, digits-to-letters boundaries and any non-alphanumeric
    /// character: `getJQLAutocomplete` → `get`, `jql`, `autocomplete`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(text)
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = []
        }
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = (character.isUppercase && previous.isLowercase)
                    || (character.isUppercase && previous.isUppercase && (next?.isLowercase ?? false))
                    || (character.isLetter && previous.isNumber && character.isUppercase)
                if startsWord { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// A manifest name (`[A-Za-z][A-Za-z0-9_]*`) in snake_case; `n_` is put before a leading digit and
    /// `unnamed` stands for a name with no letters or digits at all.
    static func snakeCase(_ text: String) -> String {
        let name = words(text).joined(separator: "_")
        guard let first = name.first else { return "unnamed" }
        return first.isLetter ? name : "n_" + name
    }

    /// A connector name (`[a-z][a-z0-9-]*`) from a title: `The Jira Cloud platform REST API` → `jira-cloud-platform-rest-api`.
    static func connectorName(_ title: String) -> String {
        let kept = words(title).filter { $0 != "the" }
        let name = kept.joined(separator: "-")
        guard let first = name.first else { return "imported" }
        return first.isLetter ? name : "api-" + name
    }

    /// Singular and plural forms of a word, so `issue` and `issues` both count as the entity's word.
    static func forms(_ word: String) -> Set<String> {
        var forms: Set<String> = [word, word + "s", word + "es"]
        if word.hasSuffix("ies") { forms.insert(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("y") { forms.insert(String(word.dropLast()) + "ies") }
        if word.hasSuffix("es") { forms.insert(String(word.dropLast(2))) }
        if word.hasSuffix("s") { forms.insert(String(word.dropLast())) }
        return forms
    }

    /// The action name for an operationId under an entity: snake_case, with the entity's words taken out of
    /// all but the first word (with a linking word just before them), when something is left.
    static func actionName(operationID: String, entity: String) -> String {
        let operationWords = words(operationID)
        guard operationWords.count > 1 else { return snakeCase(operationID) }
        let entityForms = Set(words(entity).flatMap(forms))
        var kept = [operationWords[0]]
        for word in operationWords.dropFirst() {
            if entityForms.contains(word) {
                while kept.count > 1, let last = kept.last, linkingWords.contains(last) { kept.removeLast() }
                continue
            }
            kept.append(word)
        }
        while kept.count > 1, let last = kept.last, linkingWords.contains(last) { kept.removeLast() }
        return snakeCase(kept.joined(separator: "_"))
    }

    /// The name for an operation without an operationId: the method, the path's literal segments after the
    /// entity's, and `by_<param>` when the path ends in a param. `GET /pets/{petId}` under `pets` → `get_by_pet_id`.
    static func derivedOperationName(method: String, path: String, entity: String) -> String {
        let entityForms = Set(words(entity).flatMap(forms))
        var parts = [method.lowercased()]
        let segments = path.split(separator: "/").map(String.init)
        for segment in segments where !segment.hasPrefix("{") {
            let segmentWords = words(segment)
            if segmentWords.allSatisfy({ entityForms.contains($0) || isVersionOrPrefix($0) }) { continue }
            parts += segmentWords
        }
        if let last = segments.last, last.hasPrefix("{") {
            parts += ["by"] + words(last)
        }
        return snakeCase(parts.joined(separator: "_"))
    }

    /// Path segments that say nothing about the entity: `rest`, `api`, `v2`, `3`, `1.0`, `wiki`.
    static func isVersionOrPrefix(_ segment: String) -> Bool {
        if ["rest", "api", "wiki", "ex"].contains(segment.lowercased()) { return true }
        if segment.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        let lower = segment.lowercased()
        return lower.hasPrefix("v") && lower.dropFirst().allSatisfy { $0.isNumber || $0 == "." } && lower.count > 1
    }

    /// The entity of an operation: its first tag, or else its path's first meaningful segment, in snake_case.
    static func entityName(tags: [String], path: String) -> String {
        if let tag = tags.first, !words(tag).isEmpty { return snakeCase(tag) }
        let segment = path.split(separator: "/").map(String.init).first { !$0.hasPrefix("{") && !isVersionOrPrefix($0) }
        return segment.map(snakeCase) ?? "root"
    }
}
