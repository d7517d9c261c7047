import AtlassianSandbox
import Foundation
import Logging
import Synchronization
import Testing
@testable import Switchyard
@testable import SwitchyardServer

/// Collects every log line, so a test can scan what would have gone to stderr.
final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    static let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        Self.lines.withLock { $0.append("\(event.level) \(event.message) \(event.metadata ?? [:])") }
    }
}

@Suite("Secrets never leak")
struct SecretLeakTests {
    static let canaryPassword = "canary-P4SSW0RD-7d1f"
    static let canaryToken = "canary-T0KEN-91ab"
    static let canaryKey = "canary-K3Y-5c2e"

    /// Everything the runtime prints for a set of calls made with canary credentials: envelopes (success,
    /// failure, dry run), describe, tool listings, logs and the audit log.
    @Test("canary credentials appear in no output, error, dry run, describe, log or audit line")
    func canariesNeverPrinted() async throws {
        let server = try await SandboxServer.start()
        let auditPath = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: auditPath) }
        var catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        catalog.add(file: SandboxHarness.testKitManifest)
        let environment = [
            "JIRA_BASE_URL": server.baseURL, "JIRA_EMAIL": "demo@example.com", "JIRA_API_TOKEN": Self.canaryPassword,
            "CONFLUENCE_BASE_URL": server.baseURL, "CONFLUENCE_PAT": Self.canaryToken,
        ]
        var settings = RuntimeSettings(environment: environment)
        settings.overrides["testkit"] = ConnectionOverride(baseURL: server.baseURL, credential: .apiKey(placement: .query, name: "api_key", value: Self.canaryKey))
        settings.confirmDestructive = true
        let logger = Logger(label: "canary") { _ in CapturingLogHandler() }
        let runtime = SwitchyardRuntime(
            catalog: catalog, settings: settings, retryPolicy: RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(10)),
            audit: try AuditLog(path: auditPath), logger: logger
        )
        var printed: [String] = []
        let calls: [ExecuteRequest] = [
            ExecuteRequest(connector: "jira", entity: "users", action: "myself"),
            ExecuteRequest(connector: "jira", entity: "issues", action: "get", params: ["issue": "DEMO-1", "fields": ["*"]]),
            ExecuteRequest(connector: "jira", entity: "issues", action: "delete", params: ["issue": "DEMO-1", "dry_run": true]),
            ExecuteRequest(connector: "jira", entity: "issues", action: "create", params: ["project": "DEMO", "issue_type": "Task", "summary": "x", "dry_run": true]),
            ExecuteRequest(connector: "jira", entity: "issues", action: "get", params: ["issue": "DEMO-999"]),
            ExecuteRequest(connector: "confluence", entity: "users", action: "current"),
            ExecuteRequest(connector: "testkit", entity: "items", action: "list", params: ["limit": 3]),
            ExecuteRequest(connector: "testkit", entity: "echo", action: "form", params: ["name": "x", "dry_run": true]),
            ExecuteRequest(connector: "testkit", entity: "errors", action: "html"),
        ]
        for call in calls {
            printed.append(await runtime.execute(call).json.serialized())
        }
        server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "0"]), pathPrefix: "/rest/api/3/myself", count: 5))
        printed.append(await runtime.execute(ExecuteRequest(connector: "jira", entity: "users", action: "myself")).json.serialized())
        printed.append(try CatalogDescription.describe(catalog).serialized())
        printed.append(ToolCatalog(catalog: catalog, mode: .actions).tools.serialized())
        let connection = try runtime.connection(for: try catalog.requireConnector("jira"))
        printed.append("\(connection.credential)")
        printed.append(try String(contentsOfFile: auditPath, encoding: .utf8))
        printed += CapturingLogHandler.lines.withLock { $0 }
        try await runtime.shutdown()
        try await server.shutdown()

        let everything = printed.joined(separator: "\n")
        #expect(everything.contains("DEMO-1"), "the calls really ran")
        for canary in [Self.canaryPassword, Self.canaryToken, Self.canaryKey] {
            #expect(!everything.contains(canary), "found \(canary)")
        }
        let basic = Data("demo@example.com:\(Self.canaryPassword)".utf8).base64EncodedString()
        #expect(!everything.contains(basic))
    }
}
