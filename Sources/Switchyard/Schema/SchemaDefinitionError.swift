/// Everything wrong with a schema, found when it is compiled, each problem located by a JSON pointer.
///
/// ```swift
/// do {
///     _ = try JSONSchema(["type": "object", "properties": ["limit": ["type": "int"]]])
/// } catch {
///     error.problems[0].pointer.description  // "/properties/limit/type"
///     error.problems[0].message              // "unknown type 'int'; expected one of null, boolean, …"
/// }
/// ```
public struct SchemaDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One mistake in the schema.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// Where the mistake is, from the root of the document the schema was loaded from.
        public let pointer: JSONPointer
        /// What is wrong and, where possible, how to fix it.
        public let message: String

        public init(pointer: JSONPointer, message: String) {
            self.pointer = pointer
            self.message = message
        }

        public var description: String {
            "\(pointer.description.isEmpty ? "/" : pointer.description): \(message)"
        }
    }

    /// Every problem found, in the order the compiler met them.
    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "invalid schema (\(count)): " + problems.map(\.description).joined(separator: "; ")
    }
}
