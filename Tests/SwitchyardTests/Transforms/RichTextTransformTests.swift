import Testing
@testable import Switchyard

@Suite("rich-text transforms")
struct RichTextTransformTests {
    private static let names = ["markdown_to_adf", "adf_to_markdown", "markdown_to_storage", "storage_to_markdown", "markdown_to_wiki", "wiki_to_markdown"]

    private static func apply(_ name: String, _ value: JSONValue) throws -> JSONValue {
        let function = try #require(TextTransforms.function(named: name))
        return try function(value)
    }

    @Test("all six rich-text transforms are registered by name")
    func transformsAreRegistered() {
        for name in Self.names { #expect(TextTransforms.names.contains(name)) }
    }

    @Test("markdown_to_adf passes an ADF object through unchanged")
    func adfObjectPassesThrough() throws {
        let document: JSONValue = ["type": "doc", "version": 1, "content": [["type": "rule"]]]
        #expect(try Self.apply("markdown_to_adf", document) == document)
    }

    @Test("markdown_to_adf given ADF as JSON text returns the document it holds")
    func adfTextBecomesObject() throws {
        #expect(try Self.apply("markdown_to_adf", #" {"type":"doc","version":1,"content":[]} "#) == ["type": "doc", "version": 1, "content": []])
    }

    @Test("adf_to_markdown accepts ADF as a JSON string (Confluence atlas_doc_format)")
    func adfJSONStringConverts() throws {
        let text = #"{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"hi","marks":[{"type":"strong"}]}]}]}"#
        #expect(try Self.apply("adf_to_markdown", .string(text)) == "**hi**\n")
        #expect(try Self.apply("adf_to_markdown", ["representation": "atlas_doc_format", "value": .string(text)]) == "**hi**\n")
    }

    @Test("storage_to_markdown accepts a Confluence body object with a value")
    func storageBodyObjectConverts() throws {
        #expect(try Self.apply("storage_to_markdown", ["representation": "storage", "value": "<p>hi</p>"]) == "hi\n")
    }

    @Test("markdown_to_storage passes storage markup through unchanged")
    func storagePassesThrough() throws {
        #expect(try Self.apply("markdown_to_storage", "<p>Already <strong>storage</strong></p>") == "<p>Already <strong>storage</strong></p>")
        #expect(try Self.apply("markdown_to_storage", "**md**") == "<p><strong>md</strong></p>")
    }

    @Test("null stays null in every direction", arguments: names)
    func nullStaysNull(name: String) throws {
        #expect(try Self.apply(name, .null) == .null)
    }

    @Test("a value of the wrong type throws a TransformError naming the expected input", arguments: [
        ("markdown_to_adf", 42), ("markdown_to_adf", ["a", "b"]), ("adf_to_markdown", true), ("adf_to_markdown", "not json"),
        ("adf_to_markdown", "[1]"), ("adf_to_markdown", ["no": "type"]), ("markdown_to_storage", ["type": "doc"]),
        ("storage_to_markdown", 1.5), ("markdown_to_wiki", ["x": 1]), ("wiki_to_markdown", [1]),
    ] as [(String, JSONValue)])
    func wrongTypesThrow(name: String, value: JSONValue) {
        let error = #expect(throws: TransformError.self) { try Self.apply(name, value) }
        #expect(error?.message.contains(name) == true)
    }

    @Test("adf_to_markdown of an empty string is empty Markdown")
    func emptyStringIsEmpty() throws {
        #expect(try Self.apply("adf_to_markdown", "") == "")
    }

    @Test("a transform applied to a param reports the param when it fails")
    func failuresNameTheParam() {
        let error = #expect(throws: ExecutionError.self) { try TextTransforms.apply("markdown_to_adf", to: 7, param: "description") }
        #expect(error?.message.contains("description") == true)
    }
}
