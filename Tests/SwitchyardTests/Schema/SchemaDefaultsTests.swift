import Testing

@testable import Switchyard

@Suite("applying defaults")
struct SchemaDefaultsTests {
    @Test func fillsAbsentTopLevelParams() throws {
        let schema = try JSONSchema([
            "properties": ["jql": ["type": "string"], "maxResults": ["type": "integer", "default": 50]],
        ])
        #expect(schema.applyingDefaults(to: ["jql": "x"]) == ["jql": "x", "maxResults": 50])
    }

    @Test func keepsValuesThatArePresentIncludingNull() throws {
        let schema = try JSONSchema(["properties": ["maxResults": ["type": ["integer", "null"], "default": 50]]])
        #expect(schema.applyingDefaults(to: ["maxResults": 10]) == ["maxResults": 10])
        #expect(schema.applyingDefaults(to: ["maxResults": nil]) == ["maxResults": nil])
    }

    @Test func fillsNestedObjectsThatArePresent() throws {
        let schema = try JSONSchema([
            "properties": [
                "fields": ["properties": ["priority": ["default": "Medium"], "labels": ["default": []]]],
            ],
        ])
        #expect(schema.applyingDefaults(to: ["fields": ["summary": "x"]]) == [
            "fields": ["summary": "x", "priority": "Medium", "labels": []],
        ])
    }

    @Test func doesNotCreateAbsentOptionalObjects() throws {
        let schema = try JSONSchema([
            "properties": ["fields": ["type": "object", "properties": ["priority": ["default": "Medium"]]]],
        ])
        #expect(schema.applyingDefaults(to: [:]) == [:])
    }

    @Test func fillsNestedDefaultsIntoAnObjectDefault() throws {
        let schema = try JSONSchema([
            "properties": [
                "paging": ["type": "object", "default": [:], "properties": ["limit": ["default": 25]]],
            ],
        ])
        #expect(schema.applyingDefaults(to: [:]) == ["paging": ["limit": 25]])
    }

    @Test func fillsObjectsInsideArrays() throws {
        let schema = try JSONSchema([
            "properties": [
                "updates": ["items": ["properties": ["op": ["default": "set"], "value": ["type": "string"]]]],
            ],
        ])
        #expect(schema.applyingDefaults(to: ["updates": [["value": "a"], ["op": "add", "value": "b"], "not an object"]]) == [
            "updates": [["value": "a", "op": "set"], ["op": "add", "value": "b"], "not an object"],
        ])
    }

    @Test func fillsThroughAllOfBranches() throws {
        let schema = try JSONSchema(["allOf": [["properties": ["a": ["default": 1]]], ["properties": ["b": ["default": 2]]]]])
        #expect(schema.applyingDefaults(to: [:]) == ["a": 1, "b": 2])
    }

    @Test func leavesNonObjectInstancesUnchanged() throws {
        let schema = try JSONSchema(["properties": ["a": ["default": 1]]])
        #expect(schema.applyingDefaults(to: "text") == "text")
    }
}
