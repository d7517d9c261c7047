/// A search index over every action of a catalog, ranking them for a request in plain words.
///
/// Ranking is field-weighted BM25 (BM25F, see ``SearchField``) over each action's id, keywords, summary,
/// description, param names, entity and connector. Query words also match through the connector's declared
/// `synonyms` ("ticket" → "issue"), at a lower weight than the words themselves; a word that names an action's
/// entity or action earns a bonus on top. A request that reads as a change ("assign", "close", "log") favours
/// actions that are not read-only, one that takes away ("delete", "untag") favours those that delete, while a
/// question ("show", "which", "how many") favours read-only ones (``SearchIntent``); such verbs match action
/// names and keywords, not descriptions. A request that names no value (no key, number, quote or word in
/// capitals) leans to reads that need none: lists over gets. Equal scores are ordered by id.
///
/// Everything a query needs is computed when the index is built: each term's per-action contribution is
/// stored in a posting list under an integer term id, so a search adds up a few lists of numbers.
///
/// ```swift
/// let index = ActionIndex(catalog: ConnectorCatalog.load(directories: ["manifests"]))
/// let matches = try index.search("move DEMO-5 to done", connector: "jira", limit: 3)
/// matches[0].id.description   // "jira/issues/transition"
/// ```
public struct ActionIndex: Sendable {
    /// What a match reports about one action.
    struct Entry: Sendable {
        let id: ActionID
        let idText: String
        let summary: String
        let requiredParams: [String]
        let readOnly: Bool
        /// Whether the action's request is a DELETE.
        let deletes: Bool
        /// Whether the action comes from a generated companion catalogue.
        let generated: Bool
    }

    /// One action's share of a term's score: idf × saturated, field-weighted term frequency.
    struct Posting: Sendable {
        let entry: Int32
        let impact: Float
    }

    /// The connector filter names, in catalog order.
    public let connectors: [String]
    let entries: [Entry]
    /// Each entry's connector, as an index into ``connectors``.
    let entryConnector: [Int32]
    /// The entries of each connector (entries are stored connector by connector).
    let connectorRanges: [Range<Int>]
    let vocabulary: [String: Int32]
    /// Posting lists, indexed by term id.
    let postings: [[Posting]]
    /// For the verbs of ``SearchIntent``: posting lists over the name and keyword fields only.
    let verbPostings: [Int32: [Posting]]
    /// For the other terms of entity and action names: the bonus of naming the thing an action is about.
    let namePostings: [Int32: [Posting]]
    /// Per connector: a stemmed query word → the term ids it also stands for.
    let synonyms: [[String: [Int32]]]

    /// BM25's term-frequency saturation.
    static let k1: Float = 1.2
    /// How much a word reached only through a synonym counts against the word itself.
    static let synonymWeight: Float = 0.6
    /// The factor for an action whose safety goes against the request's intent.
    static let intentMismatch: Float = 0.6
    /// The factor for a write action when the request shows no intent.
    static let unknownIntentWrite: Float = 0.7
    /// The factor for a DELETE action when the request adds or changes something.
    static let writeIntentDelete: Float = 0.8
    /// What a query word adds, as a share of its idf, for naming an action's entity or action ("priorities"
    /// for `priorities/list`): BM25's saturation otherwise lets a word in a long description count nearly as
    /// much as the name of the thing the action is about.
    static let nameBonus: Float = 0.5
    /// The share of ``nameBonus`` for the names a request mentions after its first.
    static let laterNameWeight: Float = 0.5
    /// The factor for a write that deletes nothing when the request takes something away.
    static let removeIntentKeep: Float = 0.8
    /// The factor for a read that needs params when the request names no value ("what spaces do we have"
    /// lists them; "space DEV" gets one).
    static let nothingNamed: Float = 0.9
    /// The factor for a generated action: a curated one that matches about as well ranks first.
    static let generatedAction: Float = 0.6
    /// The most matches one search returns.
    public static let maximumLimit = 100

    /// Indexes every action of `catalog`.
    public init(catalog: ConnectorCatalog) {
        self.init(manifests: catalog.connectors)
    }

    /// Indexes every action of `manifests`; a later manifest with the same name as an earlier one is skipped.
    public init(manifests: [ConnectorManifest]) {
        var builder = ActionIndexBuilder()
        var seen: Set<String> = []
        for manifest in manifests where seen.insert(manifest.name).inserted {
            builder.add(manifest)
        }
        self = builder.build()
    }

    init(
        connectors: [String], entries: [Entry], entryConnector: [Int32], connectorRanges: [Range<Int>],
        vocabulary: [String: Int32], postings: [[Posting]], verbPostings: [Int32: [Posting]], namePostings: [Int32: [Posting]],
        synonyms: [[String: [Int32]]]
    ) {
        self.connectors = connectors
        self.entries = entries
        self.entryConnector = entryConnector
        self.connectorRanges = connectorRanges
        self.vocabulary = vocabulary
        self.postings = postings
        self.verbPostings = verbPostings
        self.namePostings = namePostings
        self.synonyms = synonyms
    }

    /// How many actions the index holds.
    public var count: Int { entries.count }

    /// The ids of every indexed action, in catalog order.
    public var ids: [ActionID] { entries.map(\.id) }
}
