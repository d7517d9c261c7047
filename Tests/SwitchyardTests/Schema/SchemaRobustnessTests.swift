import Testing

@testable import Switchyard

@Suite("robustness")
struct SchemaRobustnessTests {
    @Test func instancesNestedBeyondTheLimitAreReportedNotWalked() throws {
        var schemaJSON: JSONValue = ["type": "integer"]
        var instance: JSONValue = 1
        for _ in 0..<(SchemaValidator.maximumDepth + 6) {
            schemaJSON = ["items": schemaJSON]
            instance = [instance]
        }
        let violations = try JSONSchema(schemaJSON).validate(instance)
        #expect(violations.map(\.keyword) == ["depth"])
        #expect(violations.first?.path.hasPrefix("[0][0][0]") == true)
        #expect(violations.first?.message.hasSuffix("must not be nested more than 64 levels deep") == true)
    }

    @Test func extremeBoundsNeitherOverflowNorMisjudge() throws {
        let huge = JSONValue.number(JSONNumber(literal: "9223372036854775807")!)
        let schema = try JSONSchema(["minLength": huge, "minItems": huge, "maximum": .number(JSONNumber(literal: "1e400")!)])
        #expect(schema.validate("short").map(\.keyword) == ["minLength"])
        #expect(schema.validate([1]).map(\.keyword) == ["minItems"])
        #expect(schema.validate(.number(JSONNumber(literal: "1e300")!)).isEmpty)
    }

    @Test func validationIsIndependentOfSharedCopies() async throws {
        let schema = try JSONSchema(["properties": ["n": ["type": "integer", "minimum": 0]], "additionalProperties": false])
        let counts = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).reduce(0) { total, index in
                        total + schema.validate(["n": .number(JSONNumber(index - task * 10)), "x": 1]).count
                    }
                }
            }
            return await group.reduce(0, +)
        }
        // Each call has the unknown "x"; the calls with a negative "n" also break the minimum.
        #expect(counts == 8 * 200 + (0..<8).reduce(0) { $0 + $1 * 10 })
    }
}
