/// Decodes the words a manifest adds for action search: connector `synonyms` and entity or action `keywords`.
extension ManifestDecoder {
    /// `{"ticket": ["issue"], "wiki": ["page", "confluence"]}`: each key one word, each value a non-empty list
    /// of non-blank words or phrases.
    static func decodeSynonyms(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [String: [String]] {
        guard let reader = ObjectReader(json, at: pointer, what: "'synonyms'", problems: &problems) else { return [:] }
        reader.reportDuplicateKeys(what: "synonym", &problems)
        var synonyms: [String: [String]] = [:]
        for member in reader.object {
            let memberPointer = pointer.appending(member.key)
            guard !member.key.isEmpty, member.key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else {
                problems.add(memberPointer, "synonym '\(member.key)' must be one word of letters and digits")
                continue
            }
            guard let words = member.value.arrayValue, !words.isEmpty, words.allSatisfy({ $0.stringValue != nil }) else {
                problems.add(memberPointer, "the synonyms of '\(member.key)' must be a non-empty array of strings, got \(member.value.typeName)")
                continue
            }
            let texts = words.compactMap(\.stringValue)
            for (index, text) in texts.enumerated() where text.allSatisfy(\.isWhitespace) {
                problems.add(memberPointer.appending(index), "a synonym cannot be blank")
            }
            synonyms[member.key.lowercased(), default: []] += texts
        }
        return synonyms
    }

    /// The optional `keywords` of an entity or action: an array of non-blank words or phrases.
    static func decodeKeywords(_ reader: inout ObjectReader, problems: inout ProblemList) -> [String] {
        guard let keywords = reader.strings("keywords", problems: &problems) else { return [] }
        for (index, keyword) in keywords.enumerated() where keyword.allSatisfy(\.isWhitespace) {
            problems.add(reader.pointer.appending("keywords").appending(index), "a keyword cannot be blank")
        }
        return keywords
    }
}
