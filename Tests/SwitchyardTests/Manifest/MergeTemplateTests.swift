import Testing
@testable import Switchyard

@Suite("Manifest bodies: $merge, an object param's members laid over an object")
struct MergeTemplateTests {
    static let params: JSONValue = [
        "type": "object",
        "properties": [
            "summary": ["type": "string"],
            "extra": ["type": "object", "additionalProperties": true],
            "items": ["type": "array", "items": ["type": "object", "properties": ["name": ["type": "string"], "more": ["type": "object"]]]],
            "label": ["type": "string"],
        ],
    ]

    static func manifest(body: JSONValue) -> JSONValue {
        demoManifest(action: ["description": "Create one.", "params": params, "request": ["method": "POST", "path": "/things", "body": body]])
    }

    static let body = "/entities/things/actions/act/request/body"

    /// The decoded JSON body template, `nil` when the body is not JSON.
    static func template(_ body: JSONValue) throws -> JSONTemplate? {
        let manifest = try ManifestDecoder.decode(Self.manifest(body: body), source: "demo.json")
        guard case .json(let template)? = manifest.entities[0].actions[0].request.body else { return nil }
        return template
    }

    @Test("the param's members join the object and win over the template's; without it the object is the template's")
    func merges() throws {
        let template = try #require(try Self.template(["fields": ["summary": "{summary}", "kind": "thing", "$merge": "extra"]]))
        let both = try RequestBuilder.fill(template, source: ParamSource(params: ["summary": "Login fails", "extra": ["customfield_10016": 5, "kind": "bug"]]))
        #expect(both == ["fields": ["summary": "Login fails", "kind": "bug", "customfield_10016": 5]])
        let without = try RequestBuilder.fill(template, source: ParamSource(params: ["summary": "Login fails"]))
        #expect(without == ["fields": ["summary": "Login fails", "kind": "thing"]])

        let onlyMerge = try #require(try Self.template(["fields": ["summary": "{summary}", "$merge": "extra"]]))
        #expect(try RequestBuilder.fill(onlyMerge, source: ParamSource(params: ["extra": ["a": 1]])) == ["fields": ["a": 1]])
        #expect(try RequestBuilder.fill(onlyMerge, source: ParamSource(params: [:])) == nil, "nothing to send: no body")
    }

    @Test("inside an $each item, $merge names a field of the element")
    func mergesPerElement() throws {
        let template = try #require(try Self.template(["updates": ["$each": "items", "item": ["fields": ["name": "{name}", "$merge": "more"]]]]))
        let filled = try RequestBuilder.fill(template, source: ParamSource(params: ["items": [["name": "a", "more": ["x": 1]], ["name": "b"]]]))
        #expect(filled == ["updates": [["fields": ["name": "a", "x": 1]], ["fields": ["name": "b"]]]])
    }

    @Test("$merge must name a declared object param, without braces")
    func shapeIsChecked() {
        let braces = manifestProblems(Self.manifest(body: ["fields": ["$merge": "{extra}"]]))
        #expect(hasProblem(braces, Self.body + "/fields/$merge", "must name an object param"), "\(braces)")
        let notObject = manifestProblems(Self.manifest(body: ["fields": ["$merge": "label"]]))
        #expect(hasProblem(notObject, Self.body, "\"$merge\": \"label\" must be a param of \"type\": \"object\""), "\(notObject)")
        let unknown = manifestProblems(Self.manifest(body: ["fields": ["$merge": "nothing"]]))
        #expect(hasProblem(unknown, Self.body, "placeholder {nothing} has no matching param"), "\(unknown)")
        #expect(manifestProblems(Self.manifest(body: ["fields": ["summary": "{summary}", "$merge": "extra"]])).isEmpty)
    }
}
