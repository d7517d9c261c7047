import Testing

@testable import Switchyard

/// Random schema-shaped JSON and random instances: compiling and validating must never crash, whatever the
/// input, and must give the same answer twice.
@Suite("schema fuzzing")
struct SchemaFuzzTests {
    @Test func randomSchemasAndInstancesNeverCrash() {
        var random = SeededGenerator(seed: 0x5357_4954_4348)
        var compiledCount = 0
        for _ in 0..<3_000 {
            let schemaJSON = random.schema(depth: 0)
            guard let schema = try? JSONSchema(schemaJSON) else { continue }
            compiledCount += 1
            for _ in 0..<4 {
                let instance = random.value(depth: 0)
                let violations = schema.validate(instance)
                #expect(schema.validate(instance) == violations)
                _ = schema.applyingDefaults(to: instance)
            }
        }
        // The generator should produce enough valid schemas for validation to be exercised, not just compiling.
        #expect(compiledCount > 500)
    }
}
