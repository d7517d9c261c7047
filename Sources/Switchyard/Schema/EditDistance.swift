/// Finds the name a mistyped one was probably meant to be, for "did you mean …?" hints.
///
/// ```swift
/// EditDistance.between("jqll", "jql")                                  // 1
/// EditDistance.closestMatch(to: "jqll", among: ["jql", "maxResults"])  // "jql"
/// ```
enum EditDistance {
    /// The Levenshtein distance (insertions, deletions, substitutions) counted in Unicode scalars.
    static func between(_ source: String, _ target: String) -> Int {
        let source = Array(source.unicodeScalars)
        let target = Array(target.unicodeScalars)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var previousRow = Array(0...target.count)
        var currentRow = [Int](repeating: 0, count: target.count + 1)
        for sourceIndex in 1...source.count {
            currentRow[0] = sourceIndex
            for targetIndex in 1...target.count {
                let substitutionCost = source[sourceIndex - 1] == target[targetIndex - 1] ? 0 : 1
                currentRow[targetIndex] = min(
                    previousRow[targetIndex] + 1,
                    currentRow[targetIndex - 1] + 1,
                    previousRow[targetIndex - 1] + substitutionCost
                )
            }
            swap(&previousRow, &currentRow)
        }
        return previousRow[target.count]
    }

    /// The candidate `name` most likely stands for, or `nil` when none is close.
    ///
    /// In order of preference: a case-insensitive match; the nearest candidate within two edits, provided the
    /// distance is smaller than the shorter name (so `x` never "means" `id`); a candidate that starts with `name`
    /// or that `name` starts with, when the shorter of the two has at least three characters.
    /// Ties go to the candidate declared first.
    static func closestMatch(to name: String, among candidates: [String]) -> String? {
        let lowercasedName = name.lowercased()
        if let sameIgnoringCase = candidates.first(where: { $0.lowercased() == lowercasedName }) {
            return sameIgnoringCase
        }
        var nearest: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(name, candidate)
            let shorterLength = min(name.unicodeScalars.count, candidate.unicodeScalars.count)
            guard distance <= 2, distance < shorterLength else { continue }
            if nearest == nil || distance < nearest!.distance {
                nearest = (candidate, distance)
            }
        }
        if let nearest { return nearest.candidate }
        return candidates.first { candidate in
            let lowercasedCandidate = candidate.lowercased()
            let shorterLength = min(lowercasedName.count, lowercasedCandidate.count)
            return shorterLength >= 3
                && (lowercasedCandidate.hasPrefix(lowercasedName) || lowercasedName.hasPrefix(lowercasedCandidate))
        }
    }
}
