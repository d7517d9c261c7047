import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardImport

/// Two real OpenAPI descriptions from vendors other than Atlassian, downloaded from PyPI by
/// `Tests/vendorspecs/fetch.sh` (run by `.ci/run`): Apache Airflow's stable REST API (OpenAPI 3.0) and
/// JupyterHub's REST API (OpenAPI 3.1). Each imports with every operation accounted for, validates, and
/// its read actions send requests that match the spec, to a loopback server under the spec's server path.
@Suite("OpenAPI import of other vendors' specs", .enabled(if: VendorSpecs.available, "vendor specs not fetched (Tests/vendorspecs/fetch.sh puts them in .build/vendor-specs); skipping"))
struct VendorSpecImportTests {
    @Test("each vendor spec imports whole, validates, and its reads conform to the spec", arguments: VendorSpecs.specs.indices)
    func vendorSpec(index: Int) async throws {
        let vendor = VendorSpecs.specs[index]
        let file = VendorSpecs.directory + "/" + vendor.file
        let result = try OpenAPIImporter(options: ImportOptions()).importSpec(file: file)
        let source = try OpenAPISource(file: file)
        #expect(result.report.entries.count == ImportFixtures.operationCount(source.document))
        #expect(result.report.entries.count == vendor.operations, "\(vendor.file): \(result.report.entries.count) operations")
        #expect(result.report.skipped.count * 50 <= result.report.entries.count, "\(result.report.skipped.map { "\($0.method) \($0.path): \($0.skipReason ?? "")" })")
        let manifest = try ManifestDecoder.decode(result.manifest, source: vendor.file)
        #expect(manifest.name == vendor.connector)
        #expect(manifest.entities.reduce(0) { $0 + $1.actions.count } == result.report.imported.count)

        let spec = OpenAPISpec(name: vendor.file, requestPrefix: vendor.serverPath + "/", stripPrefix: vendor.serverPath, document: source.document)
        let server = try await SandboxServer.start()
        server.recordsResponses = true
        let runtime = SwitchyardRuntime(
            catalog: ConnectorCatalog(connectors: [manifest]),
            settings: RuntimeSettings(overrides: [manifest.name: ConnectionOverride(baseURL: server.baseURL + vendor.serverPath, credential: vendor.credential)]),
            retryPolicy: RetryPolicy(maximumAttempts: 1)
        )
        var findings: [String] = []
        var sent = 0
        let unsent = await ImportedConformanceTests.callEveryRead(of: manifest, runtime: runtime, server: server) { label, exchange in
            sent += 1
            findings += spec.check(method: exchange.request.method, rawPath: exchange.request.path, query: exchange.request.query, body: exchange.request.body)
                .map { "\(label): \($0.line)" }
            #expect(exchange.request.headers.contains { $0.name.lowercased() == vendor.authHeader.lowercased() }, "\(label) sent no \(vendor.authHeader)")
        }
        try? await runtime.shutdown()
        try? await server.shutdown()
        print("vendor spec \(vendor.file): \(result.report.entries.count) operations, \(result.report.imported.count) imported, \(sent) read requests checked")
        #expect(sent >= vendor.minimumReads, "\(vendor.file): \(sent) reads")
        #expect(findings.isEmpty, "\(findings.count) request problem(s):\n  \(findings.prefix(30).joined(separator: "\n  "))")
        #expect(unsent.isEmpty, "read actions that sent no request:\n  \(unsent.joined(separator: "\n  "))")
    }
}

/// Where `Tests/vendorspecs/fetch.sh` puts the vendor specs, and what each should give.
enum VendorSpecs {
    struct Spec: Sendable {
        let file: String
        let connector: String
        let operations: Int
        /// The path part of the spec's `servers[0].url`, which the manifest leaves to the base URL.
        let serverPath: String
        let credential: Credential
        let authHeader: String
        let minimumReads: Int
    }

    static let directory = SandboxHarness.repositoryRoot + "/.build/vendor-specs"
    static let specs: [Spec] = [
        Spec(file: "airflow-v1.yaml", connector: "airflow-api-stable", operations: 89, serverPath: "/api/v1",
             credential: .basic(username: "admin", password: "airflow"), authHeader: "Authorization", minimumReads: 40),
        Spec(file: "jupyterhub.yaml", connector: "jupyter-hub-rest-api", operations: 51, serverPath: "/hub/api",
             credential: .apiKey(placement: .header, name: "Authorization", value: "token hub-token"), authHeader: "Authorization", minimumReads: 15),
    ]
    static var available: Bool { specs.allSatisfy { FileManager.default.fileExists(atPath: directory + "/" + $0.file) } }
}
