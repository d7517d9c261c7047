import AtlassianSandbox
import Testing
@testable import Switchyard

extension SandboxHarness {
    /// Runs an action that must succeed and returns its data; a failure is recorded with the envelope.
    func data(
        _ connector: String, _ entity: String, _ action: String, _ params: JSONValue = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let envelope = await execute(connector, entity, action, params)
        let result = try #require(envelope.result, "\(connector) \(entity) \(action): \(envelope.json)", sourceLocation: sourceLocation)
        return result.data
    }
}

extension JSONValue {
    /// The strings at `path` in each element of an array value.
    func strings(_ path: String) -> [String] {
        (arrayValue ?? []).compactMap { $0.value(atDotPath: path)?.stringValue }
    }
}
