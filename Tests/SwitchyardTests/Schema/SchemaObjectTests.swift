import Testing

@testable import Switchyard

@Suite("object keywords")
struct SchemaObjectTests {
    static let searchSchema: JSONValue = [
        "type": "object",
        "properties": [
            "jql": ["type": "string"],
            "maxResults": ["type": "integer"],
            "fields": ["type": "array", "items": ["type": "string"]],
        ],
        "required": ["jql"],
        "additionalProperties": false,
    ]

    @Test func acceptsAnObjectWithDeclaredParams() throws {
        let schema = try JSONSchema(Self.searchSchema)
        #expect(schema.validate(["jql": "project = DEMO", "maxResults": 10]).isEmpty)
    }

    @Test func missingRequiredParamIsReportedAtItsPath() throws {
        let schema = try JSONSchema(Self.searchSchema)
        #expect(schema.validate(["maxResults": 10]) == [
            SchemaViolation(path: "jql", keyword: "required", message: "missing required param 'jql'", expected: "string"),
        ])
    }

    @Test func unknownParamSuggestsTheClosestDeclaredName() throws {
        let schema = try JSONSchema(Self.searchSchema)
        let violations = schema.validate(["jqll": "project = DEMO"])
        #expect(violations.map(\.message) == [
            "missing required param 'jql'",
            "unknown param 'jqll'; did you mean 'jql'?",
        ])
        #expect(violations.last?.keyword == "additionalProperties")
        #expect(violations.last?.path == "jqll")
        #expect(violations.last?.expected == "jql")
    }

    @Test func unknownParamSuggestsACaseInsensitiveMatch() throws {
        let schema = try JSONSchema(Self.searchSchema)
        #expect(schema.validate(["jql": "x", "MAXRESULTS": 5]).map(\.message) == [
            "unknown param 'MAXRESULTS'; did you mean 'maxResults'?",
        ])
    }

    @Test func unknownParamSuggestsADeclaredNameItIsAPrefixOf() throws {
        let schema = try JSONSchema(Self.searchSchema)
        #expect(schema.validate(["jql": "x", "max": 5]).map(\.message) == [
            "unknown param 'max'; did you mean 'maxResults'?",
        ])
    }

    @Test func unknownParamWithNoCloseNameListsTheAcceptedParams() throws {
        let schema = try JSONSchema(Self.searchSchema)
        #expect(schema.validate(["jql": "x", "startAt": 0]).map(\.message) == [
            "unknown param 'startAt'; accepted params: jql, maxResults, fields",
        ])
    }

    @Test func acceptedParamListIsCappedAtFifteenNames() throws {
        let names = (1...20).map { "param\($0)" }
        let schema = try JSONSchema([
            "properties": .object(JSONObject(names.map { ($0, ["type": "string"]) })),
            "additionalProperties": false,
        ])
        let message = try #require(schema.validate(["zzzzzzzz": 1]).first?.message)
        #expect(message.hasSuffix("param14, param15 and 5 more"))
    }

    @Test func additionalPropertiesAreAllowedByDefault() throws {
        let schema = try JSONSchema(["properties": ["jql": ["type": "string"]]])
        #expect(schema.validate(["jql": "x", "extra": [1, 2]]).isEmpty)
    }

    @Test func additionalPropertiesSchemaValidatesUndeclaredMembers() throws {
        let schema = try JSONSchema([
            "properties": ["jql": ["type": "string"]],
            "additionalProperties": ["type": "integer"],
        ])
        #expect(schema.validate(["jql": "x", "limit": 5]).isEmpty)
        #expect(schema.validate(["jql": "x", "limit": "5"]).map(\.message) == [
            #"param 'limit' must be an integer, got string "5""#,
        ])
    }

    @Test func nestedParamsAreNamedByTheirFullPath() throws {
        let schema = try JSONSchema([
            "type": "object",
            "properties": [
                "fields": [
                    "type": "object",
                    "properties": ["summary": ["type": "string"]],
                    "additionalProperties": false,
                ],
            ],
        ])
        let violations = schema.validate(["fields": ["summary": 5, "sumary": "x"]])
        #expect(violations.map(\.message) == [
            "param 'fields.summary' must be a string, got integer 5",
            "unknown param 'fields.sumary'; did you mean 'fields.summary'?",
        ])
    }

    @Test func unknownNestedParamListsAcceptedParamsOfItsObject() throws {
        let schema = try JSONSchema([
            "properties": [
                "fields": ["properties": ["summary": ["type": "string"]], "additionalProperties": false],
            ],
        ])
        #expect(schema.validate(["fields": ["assignee": "me"]]).map(\.message) == [
            "unknown param 'fields.assignee'; accepted params in 'fields': summary",
        ])
    }

    @Test func pathsThroughArraysUseIndices() throws {
        let schema = try JSONSchema([
            "properties": [
                "issues": [
                    "type": "array",
                    "items": ["type": "object", "properties": ["key": ["type": "string"]], "required": ["key"]],
                ],
            ],
        ])
        let violations = schema.validate(["issues": [["key": "A-1"], ["key": 2], [:]]])
        #expect(violations.map(\.path) == ["issues[1].key", "issues[2].key"])
        #expect(violations.map(\.message) == [
            "param 'issues[1].key' must be a string, got integer 2",
            "missing required param 'issues[2].key'",
        ])
    }

    @Test func memberNamesThatWouldBeAmbiguousAreBracketed() throws {
        let schema = try JSONSchema(["properties": ["headers": ["additionalProperties": ["type": "string"]]]])
        #expect(schema.validate(["headers": ["X-Trace.Id": 1]]).map(\.path) == [#"headers["X-Trace.Id"]"#])
    }

    @Test func violationsAreReportedInADeterministicOrder() throws {
        let schema = try JSONSchema(Self.searchSchema)
        let instance: JSONValue = ["b": 1, "maxResults": "x", "a": 2, "fields": [1]]
        let first = schema.validate(instance)
        #expect(first.map(\.path) == ["jql", "b", "maxResults", "a", "fields[0]"])
        #expect(schema.validate(instance) == first)
    }
}
