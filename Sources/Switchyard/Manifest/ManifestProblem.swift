/// One thing wrong with a manifest: the file, the JSON pointer into it, and what is wrong.
public struct ManifestProblem: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let pointer: JSONPointer
    public let message: String

    public init(file: String, pointer: JSONPointer, message: String) {
        self.file = file
        self.pointer = pointer
        self.message = message
    }

    /// `manifests/jira.json: /entities/issues/actions/get/request/path: placeholder {isue} has no matching param`
    public var description: String {
        "\(file): \(pointer.description.isEmpty ? "/" : pointer.description): \(message)"
    }
}

/// A manifest that cannot be used, with every problem found in it.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public let problems: [ManifestProblem]

    public init(problems: [ManifestProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
