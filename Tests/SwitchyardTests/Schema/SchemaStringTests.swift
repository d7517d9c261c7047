import Testing

@testable import Switchyard

@Suite("string keywords")
struct SchemaStringTests {
    @Test func minLengthRejectsShorterStrings() throws {
        let schema = try JSONSchema(["properties": ["summary": ["minLength": 1]]])
        #expect(schema.validate(["summary": "x"]).isEmpty)
        let violation = try #require(schema.validate(["summary": ""]).first)
        #expect(violation.message == "param 'summary' must be at least 1 character long, got 0")
        #expect(violation.keyword == "minLength")
    }

    @Test func maxLengthRejectsLongerStrings() throws {
        let schema = try JSONSchema(["properties": ["summary": ["maxLength": 3]]])
        #expect(schema.validate(["summary": "abc"]).isEmpty)
        #expect(schema.validate(["summary": "abcd"]).map(\.message) == [
            "param 'summary' must be at most 3 characters long, got 4",
        ])
    }

    @Test func lengthCountsUnicodeScalars() throws {
        let schema = try JSONSchema(["minLength": 2, "maxLength": 2])
        #expect(schema.validate("é😀").isEmpty)  // two scalars, six UTF-8 bytes
        #expect(schema.validate("👍🏽").isEmpty)  // one character, two scalars
        #expect(schema.validate("😀").map(\.keyword) == ["minLength"])
    }

    @Test func patternAcceptsMatchingStrings() throws {
        let schema = try JSONSchema(["properties": ["key": ["pattern": #"^[A-Z][A-Z0-9]+-\d+$"#]]])
        #expect(schema.validate(["key": "DEMO-42"]).isEmpty)
    }

    @Test func patternRejectsOtherStringsQuotingThePattern() throws {
        let schema = try JSONSchema(["properties": ["key": ["pattern": #"^[A-Z][A-Z0-9]+-\d+$"#]]])
        let violation = try #require(schema.validate(["key": "demo-42"]).first)
        #expect(violation.message == #"param 'key' must match the pattern ^[A-Z][A-Z0-9]+-\d+$, got "demo-42""#)
        #expect(violation.keyword == "pattern")
    }

    @Test func patternIsSearchedNotAnchored() throws {
        let schema = try JSONSchema(["pattern": "[0-9]"])
        #expect(schema.validate("abc1def").isEmpty)
        #expect(schema.validate("abcdef").map(\.keyword) == ["pattern"])
    }

    @Test func patternDigitClassIsASCIIOnlyAsInECMAScript() throws {
        let schema = try JSONSchema(["pattern": #"^\d+$"#])
        #expect(schema.validate("123").isEmpty)
        #expect(schema.validate("١٢٣").map(\.keyword) == ["pattern"])
    }

    @Test func longValuesAreTruncatedInMessages() throws {
        let schema = try JSONSchema(["pattern": "^x$"])
        let message = try #require(schema.validate(.string(String(repeating: "a", count: 10_000))).first?.message)
        #expect(message.count < 140)
        #expect(message.hasSuffix("…"))
    }
}
