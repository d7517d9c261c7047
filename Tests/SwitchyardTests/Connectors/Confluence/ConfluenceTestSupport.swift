import AtlassianSandbox
import Testing
@testable import Switchyard

/// Shortcuts for the Confluence connector tests: run an action and require success, and read fields of
/// list results.
extension SandboxHarness {
    /// Executes an action and returns its data, recording a test failure (with the envelope) when it fails.
    func succeed(
        _ connector: String, _ entity: String, _ action: String, _ params: JSONValue = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let envelope = await execute(connector, entity, action, params)
        let result = try #require(envelope.result, "\(entity) \(action) failed: \(envelope.json.serialized())", sourceLocation: sourceLocation)
        return result.data
    }

    /// The requests the sandbox received for a method and a path (without query).
    func requests(_ method: String, _ path: String) -> [SandboxRequest] {
        server.recordedRequests().filter { $0.method == method && $0.path == path }
    }
}

extension JSONValue {
    /// The string values at `key` of each record of a list result.
    func texts(_ key: String) -> [String] {
        (arrayValue ?? []).compactMap { $0.value(atDotPath: key)?.stringValue }
    }
}
