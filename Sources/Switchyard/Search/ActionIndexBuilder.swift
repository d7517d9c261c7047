import Foundation

/// Collects the actions of manifests, connector by connector, then computes the posting lists of an
/// ``ActionIndex``: BM25F field normalisation, idf and saturation are all settled here, once.
struct ActionIndexBuilder {
    private var connectors: [String] = []
    private var entries: [ActionIndex.Entry] = []
    private var entryConnector: [Int32] = []
    private var connectorRanges: [Range<Int>] = []
    private var vocabulary: [String: Int32] = [:]
    /// Per entry, per field: term id → occurrences.
    private var fieldCounts: [[[Int32: Int]]] = []
    /// Per entry, per field: the number of terms.
    private var fieldLengths: [[Int]] = []
    /// Per connector: stemmed synonym → the terms it stands for, resolved once the vocabulary is complete.
    private var synonymTerms: [[String: [String]]] = []

    mutating func add(_ manifest: ConnectorManifest) {
        let connector = Int32(connectors.count)
        connectors.append(manifest.name)
        let start = entries.count
        let connectorTerms = SearchTokenizer.terms(manifest.name + " " + manifest.title)
        for entity in manifest.entities {
            let entityName = SearchTokenizer.terms(entity.name)
            let entityDescription = SearchTokenizer.terms(entity.description, prose: true)
            let entityKeywords = entity.keywords.flatMap { SearchTokenizer.terms($0) }
            for action in entity.actions {
                // Ranking reads the description's first sentence; a match shows the manifest's summary if it has one.
                let firstSentence = Self.summary(of: action.description, maximumLength: Action.summaryLength)
                let paramNames = action.declaredParams["properties"]?.objectValue?.keys ?? []
                var fields = [[String]](repeating: [], count: SearchField.allCases.count)
                fields[SearchField.name.rawValue] = entityName + SearchTokenizer.terms(action.name)
                fields[SearchField.keywords.rawValue] = action.keywords.flatMap { SearchTokenizer.terms($0) } + entityKeywords
                fields[SearchField.summary.rawValue] = SearchTokenizer.terms(firstSentence, prose: true)
                fields[SearchField.description.rawValue] = SearchTokenizer.terms(String(Self.prose(of: action.description)), prose: true)
                fields[SearchField.params.rawValue] = paramNames.flatMap { SearchTokenizer.terms($0) }
                fields[SearchField.entity.rawValue] = entityDescription
                fields[SearchField.connector.rawValue] = connectorTerms
                addEntry(fields)
                let id = ActionID(connector: manifest.name, entity: entity.name, action: action.name)
                entries.append(ActionIndex.Entry(
                    id: id, idText: id.description, summary: action.summary ?? firstSentence,
                    requiredParams: action.declaredParams["required"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                    readOnly: action.safety.readOnly, deletes: action.request.method == .delete, generated: entity.generated
                ))
                entryConnector.append(connector)
            }
        }
        connectorRanges.append(start..<entries.count)
        var synonyms: [String: [String]] = [:]
        for (word, meanings) in manifest.synonyms {
            guard let key = SearchTokenizer.terms(word).first else { continue }
            synonyms[key, default: []] += meanings.flatMap { SearchTokenizer.terms($0) }
        }
        synonymTerms.append(synonyms)
    }

    private mutating func addEntry(_ fields: [[String]]) {
        var counts: [[Int32: Int]] = []
        for terms in fields {
            var fieldCounts: [Int32: Int] = [:]
            for term in terms {
                fieldCounts[termID(term), default: 0] += 1
            }
            counts.append(fieldCounts)
        }
        fieldCounts.append(counts)
        fieldLengths.append(fields.map(\.count))
    }

    private mutating func termID(_ term: String) -> Int32 {
        if let id = vocabulary[term] { return id }
        let id = Int32(vocabulary.count)
        vocabulary[term] = id
        return id
    }

    func build() -> ActionIndex {
        let fields = SearchField.allCases
        // The corpus statistics (idf, average field lengths) come from the curated actions when there are
        // any: hundreds of generated actions would otherwise change how curated ones rank against each other.
        let curated = entries.map { !$0.generated }
        let counted = curated.contains(true) ? curated : curated.map { _ in true }
        let basis = fieldLengths.indices.filter { counted[$0] }
        let total = Float(max(basis.count, 1))
        let averageLengths = fields.map { field in
            max(Float(basis.reduce(0) { $0 + fieldLengths[$1][field.rawValue] }) / total, 1)
        }
        // Field-weighted, length-normalised term frequency of each term in each entry (BM25F's pseudo-frequency).
        var frequencies: [[Int32: Float]] = []
        var documentFrequency = [Int](repeating: 0, count: vocabulary.count)
        for entry in fieldCounts.indices {
            var terms: Set<Int32> = []
            for field in fields {
                terms.formUnion(fieldCounts[entry][field.rawValue].keys)
            }
            var combined: [Int32: Float] = [:]
            for term in terms {
                combined[term] = frequencyOf(term, in: entry, fields: fields, averageLengths: averageLengths)
                if counted[entry] { documentFrequency[Int(term)] += 1 }
            }
            frequencies.append(combined)
        }
        let verbTerms = Set(SearchIntent.verbTerms.compactMap { vocabulary[$0] })
        let verbFields: [SearchField] = [.name, .keywords]
        func idf(_ term: Int32) -> Float {
            let df = Float(documentFrequency[Int(term)])
            return Float(log(1 + Double((total - df + 0.5) / (df + 0.5))))
        }
        var postings = [[ActionIndex.Posting]](repeating: [], count: vocabulary.count)
        var verbPostings: [Int32: [ActionIndex.Posting]] = [:]
        var namePostings: [Int32: [ActionIndex.Posting]] = [:]
        for (entry, combined) in frequencies.enumerated() {
            for (term, frequency) in combined {
                let impact = idf(term) * frequency / (ActionIndex.k1 + frequency)
                postings[Int(term)].append(ActionIndex.Posting(entry: Int32(entry), impact: impact))
            }
            // The name's other words: the bonus for naming what the action is about.
            for term in fieldCounts[entry][SearchField.name.rawValue].keys where !verbTerms.contains(term) {
                namePostings[term, default: []].append(ActionIndex.Posting(entry: Int32(entry), impact: idf(term) * ActionIndex.nameBonus))
            }
            // Only the verbs the entry's name and keywords hold: looking every verb up in every entry made
            // building the index over thousands of actions take seconds.
            let named = fieldCounts[entry][SearchField.name.rawValue].keys.filter(verbTerms.contains)
                + fieldCounts[entry][SearchField.keywords.rawValue].keys.filter(verbTerms.contains)
            for term in Set(named) {
                let frequency = frequencyOf(term, in: entry, fields: verbFields, averageLengths: averageLengths)
                guard frequency > 0 else { continue }
                verbPostings[term, default: []].append(ActionIndex.Posting(entry: Int32(entry), impact: idf(term) * frequency / (ActionIndex.k1 + frequency)))
            }
        }
        let synonyms = synonymTerms.map { table in
            table.mapValues { terms in
                var seen: Set<Int32> = []
                return terms.compactMap { vocabulary[$0] }.filter { seen.insert($0).inserted }
            }.filter { !$0.value.isEmpty }
        }
        return ActionIndex(
            connectors: connectors, entries: entries, entryConnector: entryConnector, connectorRanges: connectorRanges,
            vocabulary: vocabulary, postings: postings, verbPostings: verbPostings, namePostings: namePostings, synonyms: synonyms
        )
    }

    /// BM25F's pseudo-frequency of `term` in `entry` over `fields`: each field's count, weighted and normalised
    /// by the field's length against its average.
    private func frequencyOf(_ term: Int32, in entry: Int, fields: [SearchField], averageLengths: [Float]) -> Float {
        var frequency: Float = 0
        for field in fields {
            guard let count = fieldCounts[entry][field.rawValue][term] else { continue }
            let b = field.lengthNormalisation
            let norm = 1 - b + b * Float(fieldLengths[entry][field.rawValue]) / averageLengths[field.rawValue]
            frequency += field.weight * Float(count) / norm
        }
        return frequency
    }

    /// The description without its trailing `Example: {…}`: param values, not words about the action.
    static func prose(of description: String) -> Substring {
        description.range(of: "Example").map { description[..<$0.lowerBound] } ?? description[...]
    }

    /// The first sentence of `description` (a "." before a space or the end, not in "e.g." or "i.e."), cut at a
    /// word boundary to `maximumLength` characters.
    static func summary(of description: String, maximumLength: Int) -> String {
        var sentence = description
        var searchStart = description.startIndex
        while let dot = description[searchStart...].firstIndex(of: ".") {
            let after = description.index(after: dot)
            let atBoundary = after == description.endIndex || description[after].isWhitespace
            let before = description[..<dot].suffix(4).lowercased()
            if atBoundary, !before.hasSuffix("e.g"), !before.hasSuffix("i.e"), !before.hasSuffix("etc") {
                sentence = String(description[...dot])
                break
            }
            searchStart = after
        }
        sentence = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard sentence.count > maximumLength else { return sentence }
        let cut = sentence.prefix(maximumLength - 1)
        let trimmed = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:(")) + "…"
    }
}
