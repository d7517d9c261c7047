import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardImport

/// Every imported read action of Atlassian's four specs, called against the sandbox with sample values for
/// its required params; each request sent is checked against the spec it came from (path template, method,
/// query names), whether or not the sandbox serves the path.
@Suite("Requests of imported actions conform to their spec", .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping"))
struct ImportedConformanceTests {
    @Test("every imported read request matches Atlassian's OpenAPI", arguments: OpenAPISpecs.fileNames)
    func importedReadsConform(file: String) async throws {
        let entry = try #require(AtlassianImports.names[file])
        let result = try await AtlassianImports.result(file)
        let manifest = try ManifestDecoder.decode(result.manifest, source: file)

        let server = try await SandboxServer.start()
        server.recordsResponses = true
        let credential = Credential.basic(username: SandboxCredentials.email, password: SandboxCredentials.apiToken)
        let runtime = SwitchyardRuntime(
            catalog: ConnectorCatalog(connectors: [manifest]),
            settings: RuntimeSettings(overrides: [entry.name: ConnectionOverride(baseURL: server.baseURL + entry.basePath, credential: credential)]),
            retryPolicy: RetryPolicy(maximumAttempts: 1)
        )
        var findings: [String] = []
        var sent = 0
        var served = 0
        let spec = OpenAPISpecs.all.first { $0.name == file }
        if spec == nil { findings.append("\(file) is not among OpenAPISpecs.all") }
        let unsent = await Self.callEveryRead(of: manifest, runtime: runtime, server: server, limit: 2) { label, exchange in
            sent += 1
            if let response = exchange.response, !response.bodyText.contains("No resource matches"), response.status != 405 { served += 1 }
            let request = exchange.request
            findings += (spec?.check(method: request.method, rawPath: request.path, query: request.query, body: request.body) ?? []).map {
                "\(label): \($0.line)"
            }
        }
        try? await runtime.shutdown()
        try? await server.shutdown()
        print("imported reads of \(file): \(sent) requests checked, \(served) served by the sandbox, \(unsent.count) not sent")
        #expect(findings.isEmpty, "\(findings.count) request problem(s):\n  \(findings.prefix(40).joined(separator: "\n  "))")
        #expect(unsent.isEmpty, "read actions that sent no request (sample params refused?):\n  \(unsent.joined(separator: "\n  "))")
        #expect(served > 0)
    }

    /// Calls every read-only GET action of `manifest` once, with sample values for its required params (and
    /// `limit` on paginated ones, when given), and hands each request the sandbox saw to `inspect` with the
    /// action's `entity.action` label. Returns the labels of the actions that sent no request.
    static func callEveryRead(
        of manifest: ConnectorManifest, runtime: SwitchyardRuntime, server: SandboxServer, limit: Int? = nil,
        inspect: (String, SandboxExchange) -> Void
    ) async -> [String] {
        var unsent: [String] = []
        for entity in manifest.entities {
            for action in entity.actions where action.safety.readOnly && action.request.method == .get {
                var params = JSONObject()
                let properties = action.declaredParams["properties"]?.objectValue ?? JSONObject()
                for name in action.declaredParams["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    params[name] = sample(name: name, schema: properties[name] ?? [:])
                }
                if let limit, action.isPaginated { params["limit"] = .number(JSONNumber(limit)) }
                let before = server.recordedExchanges().count
                _ = await runtime.execute(ExecuteRequest(connector: manifest.name, entity: entity.name, action: action.name, params: .object(params)))
                let exchanges = server.recordedExchanges().dropFirst(before)
                let label = "\(entity.name).\(action.name)"
                if exchanges.isEmpty { unsent.append(label) }
                for exchange in exchanges { inspect(label, exchange) }
            }
        }
        return unsent
    }

    /// A value the schema accepts, shaped after the param's name where the sandbox has data (`DEMO-1`, `DEMO`).
    static func sample(name: String, schema: JSONValue) -> JSONValue {
        if let first = schema["enum"]?.arrayValue?.first { return first }
        if let branch = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue?.first { return sample(name: name, schema: branch) }
        let type = schema["type"]?.stringValue ?? schema["type"]?.arrayValue?.compactMap(\.stringValue).first { $0 != "null" } ?? "string"
        switch type {
        case "integer", "number": return name.contains("id") ? 10000 : 1
        case "boolean": return true
        case "array": return [sample(name: name, schema: schema["items"] ?? [:])]
        case "object": return [:]
        default:
            switch schema["format"]?.stringValue {
            case "date": return "2026-01-01"
            case "date-time": return "2026-01-01T00:00:00Z"
            case "uri": return "https://example.com"
            case "email": return "someone@example.com"
            default: break
            }
            if name.contains("issue") { return "DEMO-1" }
            if name.contains("project") { return "DEMO" }
            if name == "jql" { return "project = DEMO" }
            return name.hasSuffix("id") ? "10000" : "x"
        }
    }
}
