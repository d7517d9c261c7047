/// One search result: the action's id, how well it matched, what it does in a line, and what it needs.
///
/// ```swift
/// let best = try ActionIndex(catalog: catalog).search("move DEMO-5 to done", connector: "jira")[0]
/// best.id.description      // "jira/issues/transition"
/// best.requiredParams      // ["issue", "transition_id"]
/// best.json                // {"id": "jira/issues/transition", "score": 7.412, "summary": "…", …}
/// ```
public struct ActionMatch: Sendable, Hashable {
    public let id: ActionID
    /// The BM25F score after synonym and intent weighting; only comparable within one search.
    public let score: Double
    /// The action's manifest summary, or else the first sentence of its description, at most
    /// ``Action/summaryLength`` characters.
    public let summary: String
    /// The names of the params a call must give.
    public let requiredParams: [String]
    /// Whether the action changes nothing remotely.
    public let readOnly: Bool

    public init(id: ActionID, score: Double, summary: String, requiredParams: [String], readOnly: Bool) {
        self.id = id
        self.score = score
        self.summary = summary
        self.requiredParams = requiredParams
        self.readOnly = readOnly
    }

    /// `{"id", "connector", "score", "summary", "required", "read_only"}`, the score rounded to 3 decimals.
    public var json: JSONValue {
        [
            "id": .string(id.description),
            "connector": .string(id.connector),
            "score": .number(JSONNumber((score * 1000).rounded() / 1000)),
            "summary": .string(summary),
            "required": .array(requiredParams.map(JSONValue.string)),
            "read_only": .bool(readOnly),
        ]
    }
}
