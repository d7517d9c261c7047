import Testing

@testable import Switchyard

@Suite("number keywords")
struct SchemaNumberTests {
    static let limitSchema: JSONValue = ["properties": ["maxResults": ["type": "integer", "minimum": 1, "maximum": 100]]]

    @Test func minimumIsInclusive() throws {
        let schema = try JSONSchema(Self.limitSchema)
        #expect(schema.validate(["maxResults": 1]).isEmpty)
        let violation = try #require(schema.validate(["maxResults": 0]).first)
        #expect(violation.message == "param 'maxResults' must be >= 1, got 0")
        #expect(violation.keyword == "minimum")
        #expect(violation.expected == ">= 1")
    }

    @Test func maximumIsInclusive() throws {
        let schema = try JSONSchema(Self.limitSchema)
        #expect(schema.validate(["maxResults": 100]).isEmpty)
        #expect(schema.validate(["maxResults": 101]).map(\.message) == ["param 'maxResults' must be <= 100, got 101"])
    }

    @Test func exclusiveMinimumRejectsTheLimitItself() throws {
        let schema = try JSONSchema(["exclusiveMinimum": 0])
        #expect(schema.validate(0.5).isEmpty)
        let violation = try #require(schema.validate(0).first)
        #expect(violation.keyword == "exclusiveMinimum")
        #expect(violation.message == "params must be > 0, got 0")
    }

    @Test func exclusiveMaximumRejectsTheLimitItself() throws {
        let schema = try JSONSchema(["exclusiveMaximum": 1])
        #expect(schema.validate(0.999).isEmpty)
        #expect(schema.validate(1).map(\.message) == ["params must be < 1, got 1"])
    }

    @Test func boundsCompareLargeIntegersExactly() throws {
        let schema = try JSONSchema(["maximum": .number(JSONNumber(literal: "9007199254740993")!)])
        #expect(schema.validate(.number(JSONNumber(literal: "9007199254740993")!)).isEmpty)
        #expect(schema.validate(.number(JSONNumber(literal: "9007199254740994")!)).map(\.keyword) == ["maximum"])
    }

    @Test func boundsCompareFractionsAndExponents() throws {
        let schema = try JSONSchema(["minimum": 0.5, "maximum": .number(JSONNumber(literal: "1e3")!)])
        #expect(schema.validate(.number(JSONNumber(literal: "5E2")!)).isEmpty)
        #expect(schema.validate(0.25).map(\.keyword) == ["minimum"])
        #expect(schema.validate(1000.5).map(\.keyword) == ["maximum"])
    }

    @Test func numberBoundsIgnoreOtherTypes() throws {
        let schema = try JSONSchema(["minimum": 10])
        #expect(schema.validate("5").isEmpty)
    }
}
