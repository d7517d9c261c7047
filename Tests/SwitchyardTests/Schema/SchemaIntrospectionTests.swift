import Testing

@testable import Switchyard

@Suite("schema introspection")
struct SchemaIntrospectionTests {
    static let createIssue: JSONValue = [
        "type": "object",
        "description": "Fields of the new issue.",
        "properties": [
            "project": ["type": "string", "description": "Project key."],
            "summary": ["type": "string"],
            "priority": ["type": ["string", "null"], "default": "Medium"],
        ],
        "required": ["project", "summary"],
    ]

    @Test func propertyNamesKeepDeclarationOrder() throws {
        #expect(try JSONSchema(Self.createIssue).propertyNames == ["project", "summary", "priority"])
    }

    @Test func propertyReturnsTheCompiledSubSchema() throws {
        let schema = try JSONSchema(Self.createIssue)
        let project = try #require(schema.property("project"))
        #expect(project.types == ["string"])
        #expect(project.description == "Project key.")
        #expect(project.validate(5).map(\.message) == ["params must be a string, got integer 5"])
        #expect(schema.property("assignee") == nil)
    }

    @Test func exposesRequiredTypesDescriptionAndDefault() throws {
        let schema = try JSONSchema(Self.createIssue)
        #expect(schema.requiredProperties == ["project", "summary"])
        #expect(schema.types == ["object"])
        #expect(schema.description == "Fields of the new issue.")
        #expect(schema.property("priority")?.defaultValue == "Medium")
        #expect(schema.property("priority")?.types == ["string", "null"])
    }

    @Test func keepsTheOriginalJSON() throws {
        #expect(try JSONSchema(Self.createIssue).json == Self.createIssue)
    }

    @Test func unconstrainedSchemaDeclaresNoTypes() throws {
        #expect(try JSONSchema([:]).types.isEmpty)
    }
}
