/// One header line of a ``SandboxRequest``, with the name as the client wrote it.
///
/// ```swift
/// server.recordedRequests().last?.headers.first { $0.name.lowercased() == "content-type" }?.value
/// ```
public struct SandboxHeader: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
