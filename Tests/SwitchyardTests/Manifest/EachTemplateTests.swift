import Testing
@testable import Switchyard

@Suite("Manifest bodies: $each, one element per element of an array param")
struct EachTemplateTests {
    static let params: JSONValue = [
        "type": "object",
        "properties": [
            "things": [
                "type": "array", "minItems": 1,
                "items": ["type": "object", "properties": ["name": ["type": "string"], "notes": ["type": "string"]], "required": ["name"]],
            ],
            "flat": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["things"],
    ]

    static func manifest(body: JSONValue) -> JSONValue {
        demoManifest(action: ["description": "Create many.", "params": params, "request": ["method": "POST", "path": "/things/bulk", "body": body]])
    }

    static let body = "/entities/things/actions/act/request/body"

    @Test("each element is filled from the item template; absent fields leave no trace; transforms apply per element")
    func fillsEachElement() throws {
        let manifest = try ManifestDecoder.decode(
            Self.manifest(body: ["updates": ["$each": "things", "item": ["fields": ["name": "{name}", "notes": "{notes|markdown_to_wiki}", "kind": "thing"]]]]),
            source: "demo.json"
        )
        guard case .json(let template)? = manifest.entities[0].actions[0].request.body else {
            Issue.record("expected a JSON body")
            return
        }
        let filled = try RequestBuilder.fill(template, source: ParamSource(params: ["things": [["name": "a"], ["name": "b", "notes": "**bold**"]]]))
        #expect(filled == ["updates": [["fields": ["name": "a", "kind": "thing"]], ["fields": ["name": "b", "notes": "*bold*", "kind": "thing"]]]])
        #expect(try RequestBuilder.fill(template, source: ParamSource(params: [:])) == nil)
    }

    @Test("an item placeholder must be a property of the array's items, and the param an array of objects")
    func itemPlaceholdersAreChecked() {
        let unknown = manifestProblems(Self.manifest(body: ["updates": ["$each": "things", "item": ["name": "{title}"]]]))
        #expect(hasProblem(unknown, Self.body, "placeholder {title} in the \"$each\" item is not a property of things's items; they are name, notes"), "\(unknown)")
        let flat = manifestProblems(Self.manifest(body: ["things": "{things}", "updates": ["$each": "flat", "item": ["name": "{name}"]]]))
        #expect(hasProblem(flat, Self.body, "\"flat\" must be an array param whose items are objects"), "\(flat)")
        let missing = manifestProblems(Self.manifest(body: ["things": "{things}", "updates": ["$each": "nothing", "item": ["name": "{name}"]]]))
        #expect(hasProblem(missing, Self.body, "placeholder {nothing} has no matching param"), "\(missing)")
    }

    @Test("$each needs a param name and an item, takes no other keys and does not nest")
    func shapeIsChecked() {
        let braces = manifestProblems(Self.manifest(body: ["updates": ["$each": "{things}", "item": ["name": "{name}"]]]))
        #expect(hasProblem(braces, Self.body + "/updates/$each", "must name an array param"), "\(braces)")
        let noItem = manifestProblems(Self.manifest(body: ["updates": ["$each": "things"]]))
        #expect(hasProblem(noItem, Self.body + "/updates", "needs \"item\""), "\(noItem)")
        let extra = manifestProblems(Self.manifest(body: ["updates": ["$each": "things", "item": ["name": "{name}"], "limit": 5]]))
        #expect(hasProblem(extra, Self.body + "/updates/limit", "has only \"$each\""), "\(extra)")
        let nested = manifestProblems(Self.manifest(body: ["updates": ["$each": "things", "item": ["inner": ["$each": "things", "item": ["n": "{name}"]]]]]))
        #expect(hasProblem(nested, Self.body + "/updates/item", "cannot be nested"), "\(nested)")
    }
}
