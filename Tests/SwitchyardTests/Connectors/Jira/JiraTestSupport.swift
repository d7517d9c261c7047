import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

extension SandboxHarness {
    /// Runs an action that must succeed and returns its data.
    func data(
        _ connector: String, _ entity: String, _ action: String, _ params: JSONValue = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let envelope = await execute(connector, entity, action, params)
        let result = try #require(envelope.result, "\(connector) \(entity) \(action): \(envelope.json)", sourceLocation: sourceLocation)
        return result.data
    }

    /// The last request the sandbox recorded whose path starts with `prefix` (and has `method`, when given).
    func lastRequest(_ method: String? = nil, pathPrefix prefix: String) -> SandboxRequest? {
        server.recordedRequests().last { request in
            (method.map { request.method == $0 } ?? true) && request.uri.hasPrefix(prefix)
        }
    }

    /// The JSON body of the last request matching `method` and `prefix`.
    func lastBody(_ method: String, pathPrefix prefix: String) throws -> JSONValue {
        let request = try #require(lastRequest(method, pathPrefix: prefix))
        return try JSONValue(parsing: request.body)
    }
}

/// A one-paragraph ADF document.
func adfDocument(_ text: String) -> JSONValue {
    ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": .string(text)]]]]]
}

extension JSONValue {
    /// A string value without leading and trailing whitespace, for comparing converted Markdown.
    var trimmedText: String? {
        stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The strings at `path` in each element of an array value.
    func strings(_ path: String) -> [String] {
        (arrayValue ?? []).compactMap { $0.value(atDotPath: path)?.stringValue }
    }
}
