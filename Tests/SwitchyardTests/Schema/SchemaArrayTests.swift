import Testing

@testable import Switchyard

@Suite("array keywords")
struct SchemaArrayTests {
    @Test func itemsSchemaAppliesToEveryElement() throws {
        let schema = try JSONSchema(["properties": ["labels": ["items": ["type": "string"]]]])
        #expect(schema.validate(["labels": ["a", "b"]]).isEmpty)
        #expect(schema.validate(["labels": ["a", 2, "c", false]]).map(\.message) == [
            "param 'labels[1]' must be a string, got integer 2",
            "param 'labels[3]' must be a string, got boolean false",
        ])
    }

    @Test func minItemsRejectsShorterArrays() throws {
        let schema = try JSONSchema(["properties": ["labels": ["minItems": 1]]])
        #expect(schema.validate(["labels": ["a"]]).isEmpty)
        let violation = try #require(schema.validate(["labels": []]).first)
        #expect(violation.message == "param 'labels' must have at least 1 item, got 0")
        #expect(violation.keyword == "minItems")
        #expect(violation.expected == "at least 1 item")
    }

    @Test func maxItemsRejectsLongerArrays() throws {
        let schema = try JSONSchema(["properties": ["labels": ["maxItems": 2]]])
        #expect(schema.validate(["labels": ["a", "b"]]).isEmpty)
        #expect(schema.validate(["labels": ["a", "b", "c"]]).map(\.message) == [
            "param 'labels' must have at most 2 items, got 3",
        ])
    }

    @Test func uniqueItemsRejectsRepeatsNamingBothPositions() throws {
        let schema = try JSONSchema(["properties": ["labels": ["uniqueItems": true]]])
        #expect(schema.validate(["labels": ["a", "b"]]).isEmpty)
        #expect(schema.validate(["labels": ["a", "b", "a"]]).map(\.message) == [
            "param 'labels' must not contain duplicates; item [2] repeats item [0]",
        ])
    }

    @Test func uniqueItemsComparesNumbersByValueAndObjectsIgnoringKeyOrder() throws {
        let schema = try JSONSchema(["uniqueItems": true])
        #expect(schema.validate([1, .number(JSONNumber(literal: "1.0")!)]).map(\.keyword) == ["uniqueItems"])
        #expect(schema.validate([["a": 1, "b": 2], ["b": 2, "a": 1]]).map(\.keyword) == ["uniqueItems"])
        #expect(schema.validate([["a": 1], ["a": 2]]).isEmpty)
    }

    @Test func uniqueItemsFindsRepeatsInLongArrays() throws {
        let schema = try JSONSchema(["uniqueItems": true])
        let distinct = JSONValue.array((0..<100).map { .string("label-\($0)") })
        #expect(schema.validate(distinct).isEmpty)
        let repeated = JSONValue.array((0..<100).map { .string("label-\($0)") } + ["label-42"])
        #expect(schema.validate(repeated).map(\.message) == [
            "params must not contain duplicates; item [100] repeats item [42]",
        ])
    }

    @Test func uniqueItemsFalseAllowsRepeats() throws {
        let schema = try JSONSchema(["uniqueItems": false])
        #expect(schema.validate([1, 1]).isEmpty)
    }
}
