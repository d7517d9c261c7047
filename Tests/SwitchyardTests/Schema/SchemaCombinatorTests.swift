import Testing

@testable import Switchyard

@Suite("oneOf, anyOf, allOf")
struct SchemaCombinatorTests {
    static let assigneeSchema: JSONValue = [
        "properties": [
            "assignee": [
                "oneOf": [
                    ["type": "string"],
                    ["type": "object", "properties": ["id": ["type": "string"]], "required": ["id"]],
                ],
            ],
        ],
    ]

    @Test func oneOfAcceptsAValueMatchingOneBranch() throws {
        let schema = try JSONSchema(Self.assigneeSchema)
        #expect(schema.validate(["assignee": "5b10ac8d82e05b22cc7d4ef5"]).isEmpty)
        #expect(schema.validate(["assignee": ["id": "5b10ac8d82e05b22cc7d4ef5"]]).isEmpty)
    }

    @Test func oneOfWithNoMatchingBranchListsTheShapesInOneViolation() throws {
        let schema = try JSONSchema(Self.assigneeSchema)
        #expect(schema.validate(["assignee": 5]) == [
            SchemaViolation(
                path: "assignee",
                keyword: "oneOf",
                message: "param 'assignee' must match exactly one of the allowed shapes: string, or object with 'id'; got integer 5",
                expected: "string, or object with 'id'"
            ),
        ])
    }

    @Test func oneOfReportsTheOnlyBranchOfTheRightTypeInDetail() throws {
        let schema = try JSONSchema(Self.assigneeSchema)
        #expect(schema.validate(["assignee": ["name": "ann"]]).map(\.message) == ["missing required param 'assignee.id'"])
    }

    @Test func oneOfRejectsAValueMatchingSeveralBranches() throws {
        let schema = try JSONSchema(["oneOf": [["type": "integer"], ["type": "number", "minimum": 0]]])
        #expect(schema.validate(-1).isEmpty)
        #expect(schema.validate(3).map(\.message) == [
            "params must match exactly one of the allowed shapes; it matches both integer and number",
        ])
    }

    @Test func oneOfReportsTheOnlyBranchAcceptingAFractionInDetail() throws {
        let schema = try JSONSchema(["oneOf": [["type": "integer"], ["type": "number", "minimum": 0]]])
        #expect(schema.validate(-1.5).map(\.message) == ["params must be >= 0, got -1.5"])
    }

    @Test func anyOfAcceptsAValueMatchingAnyBranch() throws {
        let schema = try JSONSchema(["anyOf": [["type": "integer"], ["type": "number", "minimum": 0]]])
        #expect(schema.validate(3).isEmpty)
        #expect(schema.validate(0.5).isEmpty)
    }

    @Test func anyOfWithNoMatchingBranchListsTheShapes() throws {
        let schema = try JSONSchema(["properties": ["status": ["anyOf": [["const": "open"], ["const": "done"]]]]])
        #expect(schema.validate(["status": "later"]).map(\.message) == [
            #"param 'status' must match at least one of the allowed shapes: "open", or "done"; got string "later""#,
        ])
    }

    @Test func allOfReportsTheViolationsOfEveryBranch() throws {
        let schema = try JSONSchema(["allOf": [["type": "string", "minLength": 5], ["pattern": "^a"]]])
        #expect(schema.validate("abcdef").isEmpty)
        #expect(schema.validate("xyz").map(\.keyword) == ["minLength", "pattern"])
    }

    @Test func combinatorsNestInsideBranches() throws {
        let schema = try JSONSchema([
            "properties": [
                "filter": ["anyOf": [["type": "null"], ["oneOf": [["type": "string", "format": "date"], ["type": "integer"]]]]],
            ],
        ])
        #expect(schema.validate(["filter": nil]).isEmpty)
        #expect(schema.validate(["filter": "2024-01-02"]).isEmpty)
        #expect(schema.validate(["filter": 7]).isEmpty)
        #expect(schema.validate(["filter": "tomorrow"]).map(\.keyword) == ["format"])
        #expect(schema.validate(["filter": true]).map(\.message) == [
            "param 'filter' must match at least one of the allowed shapes: null, or string (date) or integer; got boolean true",
        ])
    }
}
