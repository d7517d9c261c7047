import Testing
@testable import Switchyard

@Suite("Manifest synonyms and keywords")
struct SearchTermsManifestTests {
    private func manifest(synonyms: JSONValue? = nil, entityKeywords: JSONValue? = nil, actionKeywords: JSONValue? = nil) -> JSONValue {
        var action: JSONObject = ["description": "Close a thing.", "request": ["method": "POST", "path": "/things/close"]]
        if let actionKeywords { action["keywords"] = actionKeywords }
        var entity: JSONObject = ["description": "Things.", "actions": ["close": .object(action)]]
        if let entityKeywords { entity["keywords"] = entityKeywords }
        var object: JSONObject = [
            "name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.",
            "base_url": "https://demo.example.com", "entities": ["things": .object(entity)],
        ]
        if let synonyms { object["synonyms"] = synonyms }
        return .object(object)
    }

    @Test("synonyms and keywords decode onto the connector, entity and action")
    func decodes() throws {
        let decoded = try ManifestDecoder.decode(
            manifest(synonyms: ["Ticket": ["thing"], "wiki": ["page", "knowledge base"]], entityKeywords: ["item"], actionKeywords: ["resolve", "finish"]),
            source: "demo.json"
        )
        #expect(decoded.synonyms == ["ticket": ["thing"], "wiki": ["page", "knowledge base"]])
        #expect(decoded.entity("things")?.keywords == ["item"])
        #expect(decoded.entity("things")?.action("close")?.keywords == ["resolve", "finish"])
    }

    @Test("both are optional")
    func optional() throws {
        let decoded = try ManifestDecoder.decode(manifest(), source: "demo.json")
        #expect(decoded.synonyms.isEmpty)
        #expect(decoded.entity("things")?.keywords == [])
    }

    @Test("synonyms that are not an object are reported at /synonyms")
    func synonymsNotObject() {
        #expect(hasProblem(manifestProblems(manifest(synonyms: ["ticket", "issue"])), "/synonyms", "must be an object, got array"))
    }

    @Test("a synonym whose value is not a list of strings is reported at its pointer")
    func synonymValueWrongType() {
        let problems = manifestProblems(manifest(synonyms: ["ticket": "issue", "bug": [1]]))
        #expect(hasProblem(problems, "/synonyms/ticket", "non-empty array of strings, got string"))
        #expect(hasProblem(problems, "/synonyms/bug", "non-empty array of strings, got array"))
    }

    @Test("a synonym key of several words and a blank synonym are reported")
    func synonymKeyAndBlank() {
        let problems = manifestProblems(manifest(synonyms: ["assign to me": ["assign"], "wiki": ["page", " "]]))
        #expect(hasProblem(problems, "/synonyms/assign to me", "must be one word"))
        #expect(hasProblem(problems, "/synonyms/wiki/1", "cannot be blank"))
    }

    @Test("keywords of the wrong type are reported at the entity's and action's pointer")
    func keywordsWrongType() {
        let problems = manifestProblems(manifest(entityKeywords: "item", actionKeywords: ["resolve", 3]))
        #expect(hasProblem(problems, "/entities/things/keywords", "must be an array of strings"))
        #expect(hasProblem(problems, "/entities/things/actions/close/keywords", "must be an array of strings"))
    }

    @Test("a blank keyword is reported with its index")
    func blankKeyword() {
        #expect(hasProblem(manifestProblems(manifest(actionKeywords: ["resolve", ""])), "/entities/things/actions/close/keywords/1", "cannot be blank"))
    }
}
