/// Whether a request reads like a question about data or a change to it, judged by its first telling word:
/// "show me DEMO-12" reads, "move DEMO-5 to done" writes. Ranking favours actions of the same kind; a request
/// with no telling word ("history of DEMO-12") leans to reads, the safe side.
///
/// ```swift
/// SearchIntent(words: SearchTokenizer.words("how many bugs are open"))  // .read
/// SearchIntent(words: SearchTokenizer.words("open a ticket for it"))    // .write
/// SearchIntent(words: SearchTokenizer.words("open DEMO-12"))            // .read
/// ```
public enum SearchIntent: Sendable, Hashable {
    /// Looking something up: favours read-only actions.
    case read
    /// Changing or adding something: favours actions that are not read-only, and of those the ones that do
    /// not delete.
    case write
    /// Taking something away ("delete", "remove", "untag"): favours actions that are not read-only.
    case remove
    /// No telling word: reads are favoured, less strongly.
    case unknown

    public init(words: [String]) {
        var opening = true
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if word == "open" {
                self = Self.quantities.contains(next) ? .write : .read
                return
            }
            if word == "how", next == "many" || next == "much" { self = .read; return }
            if Self.questionWords.contains(word) {
                // "when" opens a question, but in "notify me when a page changes" it joins two clauses.
                if opening { self = .read; return }
                continue
            }
            if Self.readWords.contains(word) { self = .read; return }
            if Self.writeWords.contains(word) { self = .write; return }
            if Self.removeWords.contains(word) { self = .remove; return }
            if word != "key", !SearchTokenizer.stopWords.contains(word) { opening = false }
        }
        self = .unknown
    }

    /// What "open" takes when it means creating: "open a ticket", "open three bugs".
    private static let quantities: Set<String> = [
        "a", "an", "new", "another", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "several", "multiple", "few", "many",
    ]

    /// Verbs of change, in the base form a request starts with ("log 2h", not "the logs").
    static let writeWords: Set<String> = [
        "create", "add", "file", "make", "new", "post", "publish", "raise", "write", "rewrite", "update", "change",
        "edit", "set", "rename", "replace", "fix", "clear", "move", "put", "take", "send", "assign", "unassign", "give",
        "hand", "log", "record", "track", "upload", "attach", "link", "relate", "mark", "close", "resolve", "reopen",
        "transition", "start", "comment", "reply", "leave", "tag", "label", "watch", "archive", "notify", "subscribe",
        "register", "plan", "schedule", "bring", "pull", "wrap", "finish", "begin", "kick",
    ]

    /// Verbs of taking away.
    static let removeWords: Set<String> = [
        "delete", "remove", "trash", "purge", "erase", "discard", "untag", "unwatch", "unlink", "unsubscribe", "unfollow", "stop",
        "drop", "detach", "unregister", "deregister", "revoke",
    ]

    /// The stems of every telling word: in a query they match action names and keywords only, since
    /// descriptions are full of such verbs ("Use it to find…").
    static let verbTerms: Set<String> = Set((readWords.union(questionWords).union(writeWords).union(removeWords)).map(SearchTokenizer.stem))

    /// Verbs of looking.
    static let readWords: Set<String> = [
        "list", "show", "find", "get", "fetch", "search", "look", "lookup", "view", "read", "display", "see", "tell",
        "check", "count",
    ]

    /// Words that open a question, and make it one only there.
    static let questionWords: Set<String> = ["what", "whats", "which", "who", "whose", "whom", "when", "where", "how"]
}
