import Switchyard

/// Why an OpenAPI description could not be imported: the file, a JSON pointer into it, and the problem.
///
/// ```swift
/// do { _ = try OpenAPIImporter().importSpec(file: "api.yaml") }
/// catch { print(error) }   // api.yaml: /paths/~1pets/get: …
/// ```
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let pointer: JSONPointer
    public let message: String

    public init(file: String, pointer: JSONPointer = .root, message: String) {
        self.file = file
        self.pointer = pointer
        self.message = message
    }

    public var description: String {
        "\(file): \(pointer.description.isEmpty ? "/" : pointer.description): \(message)"
    }
}
