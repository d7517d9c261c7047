import Testing

@testable import Switchyard

@Suite("schema definition errors")
struct SchemaDefinitionErrorTests {
    /// The problems compiling `schema` reports, as "pointer: message" lines.
    private func problems(_ schema: JSONValue, at base: JSONPointer = .root) -> [String] {
        do {
            _ = try JSONSchema(schema, at: base)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func unknownTypeNameIsReportedWithItsPointer() {
        #expect(problems(["properties": ["limit": ["type": "int"]]]) == [
            "/properties/limit/type: unknown type 'int' (did you mean 'integer'?); expected one of null, boolean, integer, number, string, array, object",
        ])
    }

    @Test func pointersArePrefixedWithTheBase() {
        let base = JSONPointer.root.appending("actions").appending("search").appending("params")
        #expect(problems(["type": "text"], at: base).first?.hasPrefix("/actions/search/params/type: unknown type 'text'") == true)
    }

    @Test func invalidPatternReportsTheRegexError() throws {
        let problem = try #require(problems(["properties": ["key": ["pattern": "^(DEMO-"]]]).first)
        #expect(problem.hasPrefix(#"/properties/key/pattern: pattern "^(DEMO-" is not a valid regular expression: "#))
    }

    @Test func refIsUnsupported() {
        #expect(problems(["properties": ["user": ["$ref": "#/$defs/user"]]]) == [
            "/properties/user/$ref: unsupported keyword '$ref'; references are not supported, write the schema inline",
        ])
    }

    @Test func unsupportedKeywordSuggestsASupportedOne() {
        #expect(problems(["minlength": 1, "if": ["type": "string"]]) == [
            "/minlength: unsupported keyword 'minlength'; did you mean 'minLength'?",
            "/if: unsupported keyword 'if'",
        ])
    }

    @Test func nullableIsUnsupportedWithAHint() {
        #expect(problems(["type": "string", "nullable": true]).first?.contains(#""type": ["string", "null"]"#) == true)
    }

    @Test func annotationsAreAcceptedAndIgnored() {
        #expect(problems([
            "$comment": "search issues", "deprecated": false, "readOnly": true, "writeOnly": false,
            "x-jira-field": "customfield_10010", "title": "Search", "description": "JQL search", "examples": [["jql": "x"]],
        ]).isEmpty)
    }

    @Test func requiredParamMustBeDeclaredInProperties() {
        #expect(problems(["properties": ["summary": ["type": "string"]], "required": ["summary", "summry", "project"]]) == [
            "/required/1: required param 'summry' is not declared in properties; did you mean 'summary'?",
            "/required/2: required param 'project' is not declared in properties",
        ])
    }

    @Test func requiredMustBeAnArrayOfUniqueStrings() {
        #expect(problems(["required": ["a", 1, "a"]]) == [
            "/required/1: required param names must be strings, got integer 1",
            "/required/2: required param 'a' is listed twice",
        ])
        #expect(problems(["required": "a"]) == [#"/required: required must be an array of param names, got string "a""#])
    }

    @Test func defaultMustMatchItsSchema() {
        #expect(problems(["properties": ["maxResults": ["type": "integer", "minimum": 1, "default": "50"]]]) == [
            #"/properties/maxResults/default: default does not match the schema: the default must be an integer, got string "50""#,
        ])
    }

    @Test func enumMustBeANonEmptyArray() {
        #expect(problems(["enum": []]) == ["/enum: enum must be a non-empty array of allowed values, got array []"])
    }

    @Test func boundsMustBeNumbersAndCountsNonNegativeIntegers() {
        #expect(problems(["minimum": "1", "exclusiveMinimum": true, "minLength": -1, "maxItems": 1.5]) == [
            #"/minimum: minimum must be a number, got string "1""#,
            #"/exclusiveMinimum: exclusiveMinimum must be a number, got boolean true (in JSON Schema 2020-12 it is the limit itself, as in "exclusiveMinimum": 0)"#,
            "/minLength: minLength must be a non-negative integer, got integer -1",
            "/maxItems: maxItems must be a non-negative integer, got number 1.5",
        ])
    }

    @Test func contradictoryRangesAreReported() {
        #expect(problems(["minLength": 5, "maxLength": 2]) == [
            "/minLength: minLength (5) is greater than maxLength (2), so no string can match",
        ])
    }

    @Test func itemsMustBeASingleSchema() {
        #expect(problems(["items": [["type": "string"]]]) == [
            "/items: items must be a single schema; the tuple form (an array of schemas) is not supported",
        ])
    }

    @Test func subschemasMustBeObjectsOrBooleans() {
        #expect(problems(["properties": ["a": "string"], "oneOf": [], "anyOf": [1]]) == [
            #"/properties/a: a schema must be an object or a boolean, got string "string""#,
            "/oneOf: oneOf must be a non-empty array of schemas, got array []",
            "/anyOf/0: a schema must be an object or a boolean, got integer 1",
        ])
    }

    @Test func everyProblemIsCollected() {
        #expect(problems([
            "type": "objekt",
            "properties": ["a": ["type": "strin"], "b": ["pattern": "("]],
            "required": ["c"],
            "$ref": "#",
        ]).count == 5)
    }

    @Test func overlyDeepSchemasAreRejectedWithoutCrashing() {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<200 { schema = ["properties": ["child": schema]] }
        #expect(problems(schema).first?.hasSuffix("schemas are nested more than 128 levels deep") == true)
    }

    @Test func errorDescriptionListsEveryProblem() {
        do {
            _ = try JSONSchema(["type": "int", "$ref": "#"])
            Issue.record("expected a definition error")
        } catch {
            #expect(error.description.hasPrefix("invalid schema (2 problems): /type: unknown type 'int'"))
        }
    }
}
