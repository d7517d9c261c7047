import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardImport

/// Atlassian's published OpenAPI documents (`../shared/specs`), imported whole: every operation accounted
/// for, at most 2% skipped, every manifest valid; and imported Jira reads run against the sandbox.
@Suite("OpenAPI import of Atlassian's specs", .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping import tests"))
struct AtlassianImportTests {
    @Test("each spec imports with every operation reported, at most 2% skipped, and a valid manifest", arguments: OpenAPISpecs.fileNames)
    func specImports(file: String) async throws {
        let result = try await AtlassianImports.result(file)
        let raw = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: (OpenAPISpecs.directory ?? "") + "/" + file)))
        let report = result.report
        #expect(report.entries.count == ImportFixtures.operationCount(raw))
        #expect(report.skipped.count * 50 <= report.entries.count, "skipped \(report.skipped.count) of \(report.entries.count):\n\(report.skipped.map { "\($0.method) \($0.path): \($0.skipReason ?? "")" }.joined(separator: "\n"))")
        #expect(report.skipped.allSatisfy { $0.skipReason?.isEmpty == false })
        let manifest = try ManifestDecoder.decode(result.manifest, source: file)
        #expect(manifest.entities.reduce(0) { $0 + $1.actions.count } == report.imported.count)
        print("import \(file): \(report.entries.count) operations, \(report.imported.count) imported, \(report.skipped.count) skipped, \(report.undetectedPagination.count) lists without pagination, \(report.missingDescriptions.count) missing descriptions")
    }

    @Test("imported Jira actions carry their OAuth scopes and Jira's paging shapes")
    func jiraScopesAndPaging() async throws {
        let result = try await AtlassianImports.result("jira-platform-v3.json")
        let get = try #require(ImportFixtures.action("issues.get", in: result.manifest))
        #expect(get["scopes"] == ["read:jira-work"])
        #expect(get["request"]?["query"]?["fields"] == ["value": "{jira_fields}", "arrays": "comma"] || get["request"]?["query"]?["fields"] == "{jira_fields}")
        let projects = try #require(ImportFixtures.action("projects.search", in: result.manifest))
        #expect(projects["response"]?["pagination"]?["kind"] == "offset")
        #expect(projects["response"]?["records"] == "values")
        let search = try #require(result.report.imported.first { $0.operationID == "searchAndReconsileIssuesUsingJql" }?.actionID)
        #expect(ImportFixtures.action(search, in: result.manifest)?["response"]?["pagination"]?["kind"] == "token")
    }

    @Test("imported Jira reads run against the sandbox: get issue, search, get project, list projects")
    func importedReadsRunAgainstSandbox() async throws {
        let result = try await AtlassianImports.result("jira-platform-v3.json")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("jira-imported.json").path
        try result.manifest.serialized(pretty: true).write(toFile: file, atomically: true, encoding: .utf8)

        let server = try await SandboxServer.start()
        var catalog = ConnectorCatalog(connectors: [])
        catalog.add(file: file)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let credential = Credential.basic(username: SandboxCredentials.email, password: SandboxCredentials.apiToken)
        let runtime = SwitchyardRuntime(
            catalog: catalog, settings: RuntimeSettings(overrides: ["jira-imported": ConnectionOverride(baseURL: server.baseURL, credential: credential)])
        )
        func execute(_ entity: String, _ action: String, _ params: JSONValue) async -> ResultEnvelope {
            await runtime.execute(ExecuteRequest(connector: "jira-imported", entity: entity, action: action, params: params))
        }
        let search = result.report.imported.first { $0.operationID == "searchAndReconsileIssuesUsingJql" }?.actionID?.split(separator: ".").map(String.init) ?? []

        let issue = await execute("issues", "get", ["issue_id_or_key": "DEMO-1", "jira_fields": ["summary", "status"]])
        let found = await execute(search.first ?? "", search.last ?? "", ["jql": "project = DEMO", "jira_fields": ["summary"], "limit": 3])
        let project = await execute("projects", "get", ["project_id_or_key": "DEMO"])
        let projects = await execute("projects", "search", ["limit": 2])
        try? await runtime.shutdown()
        try? await server.shutdown()

        #expect(issue.json["ok"] == true, "\(issue.json.serialized())")
        #expect(issue.json["data"]?["key"] == "DEMO-1")
        #expect(found.json["ok"] == true, "\(found.json.serialized())")
        #expect(found.json["data"]?.arrayValue?.count == 3)
        #expect(found.json["data"]?[0]?["fields"]?["summary"]?.stringValue != nil, "\(found.json.serialized())")
        #expect(project.json["ok"] == true, "\(project.json.serialized())")
        #expect(project.json["data"]?["key"] == "DEMO")
        #expect(projects.json["ok"] == true, "\(projects.json.serialized())")
        #expect(projects.json["data"]?.arrayValue?.count == 2)
    }
}
