import Foundation
import Testing
@testable import Switchyard

/// A connector manifest for search tests: entity → action → (description, method, keywords, required params).
private func searchManifest(
    _ name: String, synonyms: JSONValue = [:],
    _ entities: [String: [String: (description: String, method: String, required: [String])]]
) throws -> ConnectorManifest {
    var entitiesJSON = JSONObject()
    for (entity, actions) in entities.sorted(by: { $0.key < $1.key }) {
        var actionsJSON = JSONObject()
        for (action, spec) in actions.sorted(by: { $0.key < $1.key }) {
            var properties = JSONObject()
            for param in spec.required { properties[param] = ["type": "string"] }
            let query = JSONObject(spec.required.map { ($0, JSONValue.string("{\($0)}")) })
            actionsJSON[action] = [
                "description": .string(spec.description),
                "params": ["type": "object", "properties": .object(properties), "required": .array(spec.required.map(JSONValue.string))],
                "request": ["method": .string(spec.method), "path": .string("/\(entity)/\(action)"), "query": .object(query)],
            ]
        }
        entitiesJSON[entity] = ["description": .string("The \(entity)."), "actions": .object(actionsJSON)]
    }
    let json: JSONValue = [
        "name": .string(name), "title": .string(name.capitalized), "version": "1.0.0", "description": "A test service.",
        "base_url": "https://example.invalid", "synonyms": synonyms, "entities": .object(entitiesJSON),
    ]
    return try ManifestDecoder.decode(json, source: "\(name).json")
}

private let invoicing: [String: [String: (description: String, method: String, required: [String])]] = [
    "invoices": [
        "send": ("Email an invoice to the customer.", "POST", ["invoice_id"]),
        "list": ("List invoices, newest first. Each can be sent afterwards.", "GET", []),
        "refund": ("Refund a paid invoice to the customer's card.", "POST", ["invoice_id", "amount"]),
    ],
    "customers": [
        "get": ("Fetch one customer by id, with address and card.", "GET", ["customer_id"]),
    ],
]

@Suite("Action index")
struct ActionIndexTests {
    @Test("an action named by the query outranks one that only mentions it in its description")
    func nameOutweighsDescription() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        #expect(try index.search("send invoice").first?.id.description == "acme/invoices/send")
    }

    @Test("a rare query word decides over a common one")
    func rareWordDecides() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        let matches = try index.search("refund invoice", limit: 3)
        #expect(matches.first?.id.description == "acme/invoices/refund")
        #expect(matches.count == 3)
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test("a match carries its summary and required params")
    func matchFields() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        let match = try #require(try index.search("refund").first)
        #expect(match.summary == "Refund a paid invoice to the customer's card.")
        #expect(match.requiredParams == ["invoice_id", "amount"])
        #expect(match.readOnly == false)
        #expect(match.json["id"] == "acme/invoices/refund")
    }

    @Test("a query word reaches the manifest's words through its declared synonyms, weighted below the word itself")
    func synonymsExpand() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", synonyms: ["bill": ["invoice"]], invoicing)])
        let viaSynonym = try #require(try index.search("refund bill").first)
        let direct = try #require(try index.search("refund invoice").first)
        #expect(viaSynonym.id == direct.id)
        #expect(viaSynonym.score < direct.score)
        #expect(try index.search("bill").map(\.id.entity).allSatisfy { $0 == "invoices" })
    }

    @Test("synonyms apply only to the connector that declares them")
    func synonymsPerConnector() throws {
        let index = ActionIndex(manifests: [
            try searchManifest("acme", synonyms: ["bill": ["invoice"]], invoicing),
            try searchManifest("ledger", invoicing),
        ])
        let matches = try index.search("bill", limit: 20)
        #expect(!matches.isEmpty)
        #expect(matches.allSatisfy { $0.id.connector == "acme" })
    }

    @Test("a request to change something favours a write action; a question favours a read")
    func intent() throws {
        let index = ActionIndex(manifests: [try searchManifest("paint", [
            "things": [
                "paint": ("The colour of a thing.", "PUT", []),
                "inspect": ("The colour of a thing.", "GET", []),
            ],
        ])])
        #expect(try index.search("set the colour").first?.id.action == "paint")
        #expect(try index.search("show the colour").first?.id.action == "inspect")
        #expect(try index.search("which colour").first?.id.action == "inspect")
        #expect(SearchIntent(words: SearchTokenizer.words("open a ticket")) == .write)
        #expect(SearchIntent(words: SearchTokenizer.words("open DEMO-12")) == .read)
        #expect(SearchIntent(words: SearchTokenizer.words("untag the page")) == .remove)
        #expect(SearchIntent(words: SearchTokenizer.words("history of DEMO-12")) == .unknown)
        #expect(SearchIntent(words: SearchTokenizer.words("how many bugs, then close them")) == .read)
    }

    @Test("naming an action's entity outweighs the same word said more often in another action's description")
    func entityNameBonus() throws {
        let index = ActionIndex(manifests: [try searchManifest("tracker", [
            "priorities": ["list": ("The levels there are, highest first.", "GET", [])],
            "items": [
                "get": ("One item: its priority, priority history and priority level.", "GET", []),
            ],
        ])])
        #expect(try index.search("which priorities are there").first?.id.description == "tracker/priorities/list")
    }

    @Test("a request to take something away favours an action that deletes over other writes")
    func removeIntent() throws {
        let index = ActionIndex(manifests: [try searchManifest("docs", [
            "drafts": [
                "create": ("Start a draft of a page.", "POST", []),
                "discard": ("A draft of a page, gone for good.", "DELETE", []),
            ],
        ])])
        #expect(try index.search("delete the draft page").first?.id.action == "discard")
        #expect(try index.search("start a draft page").first?.id.action == "create")
    }

    @Test("a question words only where it opens the request: \"notify me when…\" is a change, \"when did…\" a question")
    func questionWordsOpenAQuestion() {
        #expect(SearchIntent(words: SearchTokenizer.words("notify my service when a page is edited")) == .write)
        #expect(SearchIntent(words: SearchTokenizer.words("when did DEMO-3 move")) == .read)
        #expect(SearchIntent(words: SearchTokenizer.words("DEMO-3: who is watching")) == .read)
        #expect(SearchIntent(words: SearchTokenizer.words("open five tickets at once")) == .write)
        #expect(SearchIntent(words: SearchTokenizer.words("open bugs in DEMO")) == .read)
    }

    @Test("a request that names no value leans to the read that needs none; one that names a value to the read that takes it")
    func valuesNamed() throws {
        let index = ActionIndex(manifests: [try searchManifest("wiki", [
            "spaces": [
                "list": ("The spaces of the site.", "GET", []),
                "get": ("One space of the site.", "GET", ["space_key"]),
            ],
        ])])
        #expect(try index.search("what spaces do we have").first?.id.action == "list")
        #expect(ActionIndex.namesSomething("space DEV"))
        #expect(ActionIndex.namesSomething("page 123"))
        #expect(ActionIndex.namesSomething("the \"Runbooks\" page"))
        #expect(!ActionIndex.namesSomething("what spaces do we have"))
        #expect(!ActionIndex.namesSomething("a Space"))
    }

    @Test("equal scores are ordered by id, the same way every time")
    func tiesByID() throws {
        let index = ActionIndex(manifests: [try searchManifest("shop", invoicing), try searchManifest("shop-dc", invoicing)])
        let first = try index.search("refund invoice", limit: 2)
        #expect(first.map(\.id.description) == ["shop-dc/invoices/refund", "shop/invoices/refund"])
        #expect(first[0].score == first[1].score)
        #expect(try index.search("refund invoice", limit: 2) == first)
    }

    @Test("the connector filter keeps only that connector's actions")
    func connectorFilter() throws {
        let index = ActionIndex(manifests: [try searchManifest("shop", invoicing), try searchManifest("shop-dc", invoicing)])
        let matches = try index.search("refund invoice", connector: "shop", limit: 10)
        #expect(!matches.isEmpty)
        #expect(matches.allSatisfy { $0.id.connector == "shop" })
    }

    @Test("a blank query is a validation error, not an empty result", arguments: ["", "   ", "\n\t"])
    func blankQuery(query: String) throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        let error = try #require(throws: ExecutionError.self) { try index.search(query) }
        #expect(error.kind == .validation)
        #expect(error.details["param"] == "query")
    }

    @Test("an unknown connector is a validation error naming the known ones")
    func unknownConnector() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing), try searchManifest("ledger", invoicing)])
        let error = try #require(throws: ExecutionError.self) { try index.search("refund", connector: "acmee") }
        #expect(error.kind == .validation)
        #expect(error.message.contains("did you mean 'acme'"))
        #expect(error.message.contains("acme, ledger"))
        #expect(error.details["available"] == ["acme", "ledger"])
    }

    @Test("a limit outside 1…100 is a validation error", arguments: [0, -1, 101])
    func badLimit(limit: Int) throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        let error = try #require(throws: ExecutionError.self) { try index.search("refund", limit: limit) }
        #expect(error.kind == .validation)
    }

    @Test("a query whose words match nothing returns no matches")
    func noMatch() throws {
        let index = ActionIndex(manifests: [try searchManifest("acme", invoicing)])
        #expect(try index.search("zebra DEMO-5").isEmpty)
    }

    @Test("the summary is the first sentence, not cut at e.g., and shortened at a word")
    func summary() {
        #expect(ActionIndexBuilder.summary(of: "List transitions (e.g. \"Done\"). Use it first.", maximumLength: 140) == "List transitions (e.g. \"Done\").")
        #expect(ActionIndexBuilder.summary(of: "No full stop", maximumLength: 140) == "No full stop")
        let long = ActionIndexBuilder.summary(of: String(repeating: "word ", count: 60) + "end.", maximumLength: 40)
        #expect(long.hasSuffix("…"))
        #expect(long.count <= 40)
        #expect(!long.contains("wor…"))
    }

    @Test("among 5,000 actions the one whose description holds all the query's words comes first")
    func fiveThousandActions() throws {
        // Three pools of words; action k uses one of each, so only one action holds a given triple.
        func words(_ k: Int) -> (String, String, String) { ("pa\(k % 20)k", "qb\(k / 20 % 20)k", "rc\(k / 400)k") }
        var manifests: [ConnectorManifest] = []
        for connector in 0..<100 {
            var actions: [String: (description: String, method: String, required: [String])] = [:]
            for action in 0..<50 {
                let (a, b, c) = words(connector * 50 + action)
                actions["act\(action)"] = ("Do \(a) with \(b) and \(c).", action % 3 == 0 ? "POST" : "GET", [])
            }
            manifests.append(try searchManifest("gen\(connector)", ["things": actions]))
        }
        let index = ActionIndex(manifests: manifests)
        #expect(index.count == 5000)
        for target in [0, 1234, 2718, 4999] {
            let (a, b, c) = words(target)
            let best = try #require(try index.search("\(c) \(a) \(b)").first)
            #expect(best.id == ActionID(connector: "gen\(target / 50)", entity: "things", action: "act\(target % 50)"))
        }
    }
}
