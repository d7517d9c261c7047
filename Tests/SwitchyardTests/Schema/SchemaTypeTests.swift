import Testing

@testable import Switchyard

@Suite("type keyword")
struct SchemaTypeTests {
    @Test func acceptsAValueOfTheDeclaredType() throws {
        let schema = try JSONSchema(["type": "string"])
        #expect(schema.validate("DEMO-1").isEmpty)
    }

    @Test func rejectsAValueOfAnotherTypeNamingExpectedAndActual() throws {
        let schema = try JSONSchema(["type": "object", "properties": ["maxResults": ["type": "integer"]]])
        let violations = schema.validate(["maxResults": "ten"])
        #expect(violations == [
            SchemaViolation(
                path: "maxResults",
                keyword: "type",
                message: #"param 'maxResults' must be an integer, got string "ten""#,
                expected: "integer"
            ),
        ])
    }

    @Test func rootTypeMismatchTalksAboutParams() throws {
        let schema = try JSONSchema(["type": "object"])
        #expect(schema.validate([1, 2]).map(\.message) == ["params must be an object, got array [1,2]"])
    }

    @Test func integerAcceptsIntegralNumbersWrittenWithAFraction() throws {
        let schema = try JSONSchema(["type": "integer"])
        #expect(schema.validate(.number(JSONNumber(literal: "1.0")!)).isEmpty)
        #expect(schema.validate(.number(JSONNumber(literal: "2e3")!)).isEmpty)
    }

    @Test func integerRejectsFractions() throws {
        let schema = try JSONSchema(["type": "integer"])
        #expect(schema.validate(1.5).map(\.message) == ["params must be an integer, got number 1.5"])
    }

    @Test func numberAcceptsIntegers() throws {
        let schema = try JSONSchema(["type": "number"])
        #expect(schema.validate(3).isEmpty)
    }

    @Test func typeArrayAcceptsAnyListedType() throws {
        let schema = try JSONSchema(["type": ["string", "null"]])
        #expect(schema.validate(nil).isEmpty)
        #expect(schema.validate("x").isEmpty)
    }

    @Test func typeArrayMismatchListsEveryAllowedType() throws {
        let schema = try JSONSchema(["type": "object", "properties": ["parent": ["type": ["string", "null"]]]])
        let violation = try #require(schema.validate(["parent": true]).first)
        #expect(violation.message == "param 'parent' must be a string or null, got boolean true")
        #expect(violation.expected == "string or null")
    }

    @Test func typeMismatchSuppressesTheOtherKeywordsOfThatSchema() throws {
        let schema = try JSONSchema(["type": "string", "minLength": 3, "enum": ["abc"]])
        #expect(schema.validate(7).map(\.keyword) == ["type"])
    }

    @Test func missingTypeAcceptsEveryType() throws {
        let schema = try JSONSchema([:])
        for value: JSONValue in [nil, true, 1, 1.5, "s", [1], ["a": 1]] {
            #expect(schema.validate(value).isEmpty)
        }
    }

    @Test func booleanSchemasAcceptEverythingOrNothing() throws {
        #expect(try JSONSchema(true).validate(["any": "thing"]).isEmpty)
        #expect(try JSONSchema(false).validate(1).map(\.keyword) == ["false"])
    }
}
