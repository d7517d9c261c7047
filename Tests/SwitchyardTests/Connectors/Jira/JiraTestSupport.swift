import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

extension SandboxHarness {
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
}
