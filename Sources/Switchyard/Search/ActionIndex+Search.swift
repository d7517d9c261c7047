/// Ranking a request against the index.
extension ActionIndex {
    /// The actions that best match `query`, best first (equal scores by id), at most `limit` of them.
    ///
    /// `connector` restricts the search to one connector, as an agent does when it knows where it is. A
    /// blank query, a `limit` outside 1…``maximumLimit`` or an unknown connector is a `validation` error; a
    /// query whose words match nothing returns no matches.
    public func search(_ query: String, connector: String? = nil, limit: Int = 5) throws(ExecutionError) -> [ActionMatch] {
        guard !query.allSatisfy(\.isWhitespace) else {
            throw ExecutionError(
                kind: .validation, message: "the search query is empty; describe the task in a few words, e.g. \"move DEMO-5 to done\"",
                details: ["param": "query"]
            )
        }
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ExecutionError(kind: .validation, message: "limit must be between 1 and \(Self.maximumLimit), got \(limit)", details: ["param": "limit"])
        }
        var scope = 0..<entries.count
        var scopeConnectors = Array(connectors.indices)
        if let connector {
            guard let index = connectors.firstIndex(of: connector) else { throw unknownConnector(connector) }
            scope = connectorRanges[index]
            scopeConnectors = [index]
        }
        let words = SearchTokenizer.words(query)
        let intent = SearchIntent(words: words)
        var seenTerms: Set<String> = []
        let terms = words.filter { !SearchTokenizer.stopWords.contains($0) }.map(SearchTokenizer.stem).filter { seenTerms.insert($0).inserted }
        var scores = [Float](repeating: 0, count: entries.count)
        var exact: Set<Int32> = []
        var namedBefore = false
        for term in terms {
            guard let id = vocabulary[term], exact.insert(id).inserted else { continue }
            let list = SearchIntent.verbTerms.contains(term) ? verbPostings[id] ?? [] : postings[Int(id)]
            accumulate(list, into: &scores)
            if let names = namePostings[id] {
                // The first thing named is usually what the request is about: "labels on page 123".
                accumulate(names, weight: namedBefore ? Self.laterNameWeight : 1, into: &scores)
                namedBefore = true
            }
        }
        for (term, weights) in expansions(of: terms, excluding: exact, connectors: scopeConnectors) {
            accumulate(postings[Int(term)], weights: weights, into: &scores)
        }
        let namesSomething = Self.namesSomething(query)
        return top(limit, of: scores, in: scope, intent: intent, namesSomething: namesSomething).map { index, score in
            let entry = entries[index]
            return ActionMatch(id: entry.id, score: Double(score), summary: entry.summary, requiredParams: entry.requiredParams, readOnly: entry.readOnly)
        }
    }

    /// The terms the query words stand for through each connector's synonyms, with their weight per connector.
    private func expansions(of terms: [String], excluding exact: Set<Int32>, connectors scope: [Int]) -> [Int32: [Float]] {
        var weights: [Int32: [Float]] = [:]
        for connector in scope where !synonyms[connector].isEmpty {
            for term in terms {
                for meaning in synonyms[connector][term] ?? [] where !exact.contains(meaning) {
                    weights[meaning, default: [Float](repeating: 0, count: connectors.count)][connector] = Self.synonymWeight
                }
            }
        }
        return weights
    }

    private func accumulate(_ list: [Posting], weight: Float = 1, into scores: inout [Float]) {
        scores.withUnsafeMutableBufferPointer { buffer in
            for posting in list {
                buffer[Int(posting.entry)] += weight * posting.impact
            }
        }
    }

    private func accumulate(_ list: [Posting], weights: [Float], into scores: inout [Float]) {
        scores.withUnsafeMutableBufferPointer { buffer in
            for posting in list {
                let entry = Int(posting.entry)
                buffer[entry] += weights[Int(entryConnector[entry])] * posting.impact
            }
        }
    }

    /// Whether `query` carries a value an action could take: a number, a key, a word in capitals or a quote.
    static func namesSomething(_ query: String) -> Bool {
        var capitals = 0
        for scalar in query.unicodeScalars {
            if ("0"..."9").contains(scalar) || scalar == "\"" || scalar == "'" { return true }
            if ("A"..."Z").contains(scalar) { capitals += 1; if capitals >= 2 { return true } } else { capitals = 0 }
        }
        return false
    }

    /// The `limit` best entries of `scope` after intent weighting, best first, ties by id.
    private func top(_ limit: Int, of scores: [Float], in scope: Range<Int>, intent: SearchIntent, namesSomething: Bool) -> [(Int, Float)] {
        var best: [(index: Int, score: Float)] = []
        best.reserveCapacity(limit + 1)
        func ranksBefore(_ a: (index: Int, score: Float), _ b: (index: Int, score: Float)) -> Bool {
            a.score != b.score ? a.score > b.score : entries[a.index].idText < entries[b.index].idText
        }
        for index in scope where scores[index] > 0 {
            var score = scores[index]
            let entry = entries[index]
            switch intent {
            case .read where !entry.readOnly, .write where entry.readOnly, .remove where entry.readOnly: score *= Self.intentMismatch
            case .write where entry.deletes: score *= Self.writeIntentDelete
            case .remove where !entry.deletes: score *= Self.removeIntentKeep
            case .unknown where !entry.readOnly: score *= Self.unknownIntentWrite
            default: break
            }
            if entry.generated { score *= Self.generatedAction }
            if !namesSomething, entry.readOnly, !entry.requiredParams.isEmpty { score *= Self.nothingNamed }
            let candidate = (index: index, score: score)
            if best.count == limit, let last = best.last, !ranksBefore(candidate, last) { continue }
            let position = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { ($0.index, $0.score) }
    }

    private func unknownConnector(_ name: String) -> ExecutionError {
        var message = "unknown connector '\(name)'"
        if let suggestion = EditDistance.closestMatch(to: name, among: connectors) {
            message += "; did you mean '\(suggestion)'?"
        }
        message += ". Available: \(connectors.isEmpty ? "none" : connectors.joined(separator: ", "))"
        return ExecutionError(kind: .validation, message: message, details: ["param": "connector", "available": .array(connectors.map(JSONValue.string))])
    }
}
