import Testing

@testable import Switchyard

@Suite("enum and const")
struct SchemaEnumConstTests {
    @Test func enumAcceptsAListedValue() throws {
        let schema = try JSONSchema(["properties": ["status": ["enum": ["current", "archived"]]]])
        #expect(schema.validate(["status": "archived"]).isEmpty)
    }

    @Test func enumRejectsOtherValuesListingTheAllowedOnes() throws {
        let schema = try JSONSchema(["properties": ["status": ["enum": ["current", "archived"]]]])
        #expect(schema.validate(["status": "open"]) == [
            SchemaViolation(
                path: "status",
                keyword: "enum",
                message: #"param 'status' must be one of "current", "archived"; got "open""#,
                expected: "one of current, archived"
            ),
        ])
    }

    @Test func longEnumsMatchThroughTheirLookupSet() throws {
        let values = (1...30).map { JSONValue.string("value\($0)") } + [1, ["a": 1]]
        let schema = try JSONSchema(["enum": .array(values)])
        #expect(schema.validate("value17").isEmpty)
        #expect(schema.validate(.number(JSONNumber(literal: "1.0")!)).isEmpty)
        #expect(schema.validate(["a": 1]).isEmpty)
        let message = try #require(schema.validate("value31").first?.message)
        #expect(message.contains("and 17 more"))
    }

    @Test func constAcceptsOnlyItsValue() throws {
        let schema = try JSONSchema(["properties": ["kind": ["const": "issue"]]])
        #expect(schema.validate(["kind": "issue"]).isEmpty)
        #expect(schema.validate(["kind": "page"]).map(\.message) == [#"param 'kind' must be "issue"; got "page""#])
    }
}
