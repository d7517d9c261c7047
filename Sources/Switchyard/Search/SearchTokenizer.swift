/// Turns text into search terms: lowercase words split at non-alphanumerics and camel/snake case, common
/// function words dropped, and each word reduced by a small suffix stemmer so "issues", "moved" and "moving"
/// meet "issue" and "move".
///
/// Identifiers say little about which action is meant: numbers ("10000") are dropped, and a key such as
/// "DEMO-12" becomes the word "key" (a request naming a key is usually about the thing with that key). In
/// manifest prose, words in capitals ("the DEV space"), paths and URLs are example values and are dropped too.
///
/// ```swift
/// SearchTokenizer.terms("Move DEMO-5 to Done")       // ["mov", "key", "don"]
/// SearchTokenizer.terms("accountId of the watchers") // ["account", "id", "watcher"]
/// ```
public enum SearchTokenizer {
    /// Search terms of `text`: words without function words, stemmed. `prose` drops words in capitals.
    public static func terms(_ text: String, prose: Bool = false) -> [String] {
        words(text, prose: prose).filter { $0.count > 1 && !stopWords.contains($0) }.map(stem)
    }

    /// Lowercase words of `text`, numbers dropped and keys as "key"; function words and single letters kept
    /// (intent reads "open a …").
    public static func words(_ text: String, prose: Bool = false) -> [String] {
        var words: [String] = []
        var chunk: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                appendWords(of: chunk, prose: prose, to: &words)
                chunk.removeAll(keepingCapacity: true)
            } else {
                chunk.append(scalar)
            }
        }
        appendWords(of: chunk, prose: prose, to: &words)
        return words
    }

    /// The words of one whitespace-free chunk: split at other characters and at lower-to-upper case changes.
    private static func appendWords(of chunk: [Unicode.Scalar], prose: Bool, to words: inout [String]) {
        guard !chunk.isEmpty else { return }
        if prose, isPathOrURL(chunk) { return }
        if isKey(chunk) {
            words.append("key")
            return
        }
        var current = String.UnicodeScalarView()
        var previousWasLower = false
        func flush() {
            let isNumber = current.allSatisfy { ("0"..."9").contains($0) }
            let isCapitals = prose && current.allSatisfy { ("A"..."Z").contains($0) }
            if !current.isEmpty, !isNumber, !isCapitals {
                words.append(String(current).lowercased())
            }
            current.removeAll()
        }
        for scalar in chunk {
            guard isAlphanumeric(scalar) else {
                flush()
                previousWasLower = false
                continue
            }
            if previousWasLower, isUppercase(scalar) { flush() }
            current.append(scalar)
            previousWasLower = isLowercase(scalar)
        }
        flush()
    }

    // ASCII answers without Unicode's property tables, which made tokenizing most of building an index.

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) : scalar.properties.isAlphabetic
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    /// `/wiki/api/v2/pages`, `https://acme.atlassian.net/wiki` or `(/rest/api/3)`: a value in prose, not words
    /// about the action.
    private static func isPathOrURL(_ chunk: [Unicode.Scalar]) -> Bool {
        let start = chunk.firstIndex { $0 != "(" && $0 != "\"" && $0 != "'" && $0 != "`" } ?? chunk.endIndex
        if start < chunk.endIndex, chunk[start] == "/" { return true }
        return chunk.indices.contains { index in
            index + 2 < chunk.count && chunk[index] == ":" && chunk[index + 1] == "/" && chunk[index + 2] == "/"
        }
    }

    /// An issue key such as `DEMO-12` (or `(DEMO-12),`): capital letters, a dash, digits.
    private static func isKey(_ chunk: [Unicode.Scalar]) -> Bool {
        var scalars = chunk
        while let last = scalars.last, !("0"..."9").contains(last) { scalars.removeLast() }
        let start = scalars.firstIndex { isAlphanumeric($0) && !("0"..."9").contains($0) } ?? scalars.endIndex
        guard let dash = scalars[start...].firstIndex(of: "-") else { return false }
        let key = scalars[start..<dash]
        let number = scalars[(dash + 1)...]
        return key.count >= 2 && !number.isEmpty
            && key.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && number.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Reduces a lowercase word to a stem shared by its plural and -ing/-ed forms. Not a linguistic stemmer:
    /// "moving", "moved" and "move" all become "mov", which is all matching needs.
    public static func stem(_ word: String) -> String {
        if let irregular = irregular[word] { return irregular }
        var letters = Array(word.utf8)
        guard letters.count > 3 else { return word }
        func ends(_ suffix: String) -> Bool { letters.count > suffix.utf8.count + 1 && letters.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        func drop(_ count: Int) { letters.removeLast(count) }
        // Plurals.
        if ends("ies") {
            drop(3); letters.append(UInt8(ascii: "y"))
        } else if ends("sses") {
            drop(2)
        } else if ends("xes") || ends("ches") || ends("shes") || ends("zes") {
            drop(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            drop(1)
        }
        // Verb forms.
        if ends("ied") {
            drop(3); letters.append(UInt8(ascii: "y"))
        } else if letters.count > 5, ends("ing") {
            drop(3); undouble(&letters)
        } else if letters.count > 4, ends("ed"), !ends("eed") {
            drop(2); undouble(&letters)
        }
        if letters.count > 3, letters.last == UInt8(ascii: "e") { letters.removeLast() }
        return String(decoding: letters, as: UTF8.self)
    }

    /// "logg" → "log", "sett" → "set"; not "add", "fill" or "pass".
    private static func undouble(_ letters: inout [UInt8]) {
        guard letters.count >= 4, let last = letters.last, last == letters[letters.count - 2],
              !"aeioulsz".utf8.contains(last) else { return }
        letters.removeLast()
    }

    private static let irregular: [String: String] = [
        "children": "child", "people": "person", "labelled": "label", "labelling": "label", "cancelled": "cancel",
    ]

    /// Function words that never help choose an action. "who", "when" and "many" stay: they tell the history,
    /// the watchers and the count apart.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "for", "from", "by", "with", "at", "as", "into", "onto",
        "is", "are", "be", "was", "were", "been", "am", "it", "its", "this", "that", "these", "those", "there",
        "and", "or", "but", "so", "then", "than", "also", "just", "only", "one", "some", "any", "every", "each",
        "me", "my", "mine", "i", "we", "our", "us", "you", "your", "they", "them", "their", "he", "she", "his", "her",
        "please", "can", "could", "would", "should", "will", "shall", "may", "might", "do", "does", "did", "have", "has", "had",
        "want", "need", "like", "let", "lets", "s", "e", "g", "eg", "ie", "etc", "via", "using", "use", "used",
        "what", "whats", "which", "how", "where", "exist", "exists", "existing", "own", "across", "between", "about",
        "among", "all",
    ]
}
