import AtlassianSandbox
import Testing
@testable import Switchyard

/// Shortcuts for the Confluence connector tests.
extension SandboxHarness {
    /// The requests the sandbox received for a method and a path (without query).
    func requests(_ method: String, _ path: String) -> [SandboxRequest] {
        server.recordedRequests().filter { $0.method == method && $0.path == path }
    }
}
