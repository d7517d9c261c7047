import Foundation
import HTTPTypes
import SwitchyardServer

/// Per-request tool narrowing: the `X-Switchyard-*` headers a request chooses its tools with.
extension MCPHTTPResponder {
    /// What the request's `X-Switchyard-*` headers narrow the tools to.
    static func narrowing(from headers: HTTPFields) throws(NarrowingHeaderError) -> RequestNarrowing {
        func list(_ name: HTTPField.Name) -> [String] {
            headers[values: name].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var narrowing = RequestNarrowing(include: list(.switchyardToolsInclude), exclude: list(.switchyardToolsExclude))
        let toolsets = list(.switchyardToolsets)
        if !toolsets.isEmpty { narrowing.toolsets = toolsets.joined(separator: ",") }
        if let readOnly = headers[.switchyardReadOnly]?.lowercased() {
            guard ["true", "1", "yes", "false", "0", "no"].contains(readOnly) else {
                throw NarrowingHeaderError(message: "X-Switchyard-Read-Only must be true or false, got '\(readOnly)'")
            }
            narrowing.readOnly = ["true", "1", "yes"].contains(readOnly)
        }
        return narrowing
    }
}

/// A narrowing header that cannot be read.
struct NarrowingHeaderError: Error {
    let message: String
}
