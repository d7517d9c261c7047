import Testing
@testable import Switchyard

@Suite("Manifest transport section")
struct TransportSpecTests {
    private func decode(_ transport: JSONValue) throws(ManifestError) -> ConnectorManifest {
        try ManifestDecoder.decode(
            ManifestDecoderTests.manifest(action: ManifestDecoderTests.validAction, extra: [("transport", transport)]), source: "demo.json"
        )
    }

    private func problems(_ transport: JSONValue) -> [ManifestProblem] {
        do {
            _ = try decode(transport)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("each setting names its environment variables")
    func decodesSettings() throws {
        let manifest = try decode([
            "ca_file": ["env": ["DEMO_CA_BUNDLE", "DEMO_CA"]], "client_cert": ["env": ["DEMO_CLIENT_CERT"]],
            "client_key": ["env": ["DEMO_CLIENT_KEY"]], "ssl_verify": ["env": ["DEMO_SSL_VERIFY"]],
        ])
        #expect(manifest.transport.environment(for: .caFile) == ["DEMO_CA_BUNDLE", "DEMO_CA"])
        #expect(manifest.transport.environment(for: .verify) == ["DEMO_SSL_VERIFY"])
    }

    @Test("a manifest without the section reads no transport variables")
    func absentSection() throws {
        let manifest = try ManifestDecoder.decode(ManifestDecoderTests.manifest(action: ManifestDecoderTests.validAction), source: "demo.json")
        #expect(TransportSpec.Setting.allCases.allSatisfy { manifest.transport.environment(for: $0).isEmpty })
    }

    @Test("an unknown setting is named with its pointer and a suggestion")
    func unknownSetting() {
        let found = problems(["client_crt": ["env": ["DEMO_CLIENT_CERT"]]])
        #expect(found.contains { $0.pointer.description == "/transport/client_crt" && $0.message.contains("did you mean 'client_cert'") }, "\(found)")
    }

    @Test("a setting without env, or with a name that is no environment variable, is reported")
    func badEnvironment() {
        let missing = problems(["ssl_verify": [:]])
        #expect(missing.contains { $0.pointer.description == "/transport/ssl_verify" && $0.message.contains("missing required field 'env'") }, "\(missing)")
        let invalid = problems(["ca_file": ["env": ["DEMO-CA", "9CA"]]])
        #expect(invalid.map(\.pointer.description) == ["/transport/ca_file/env/0", "/transport/ca_file/env/1"], "\(invalid)")
        let notStrings = problems(["ca_file": ["env": "DEMO_CA"]])
        #expect(notStrings.contains { $0.pointer.description == "/transport/ca_file/env" }, "\(notStrings)")
    }

    @Test("describe lists the transport variables, and leaves the section out when there are none")
    func describeShowsTransport() throws {
        let manifest = try decode(["ca_file": ["env": ["DEMO_CA_BUNDLE"]]])
        #expect(CatalogDescription.describe(manifest)["transport"] == ["ca_file": ["env": ["DEMO_CA_BUNDLE"]]])
        let plain = try ManifestDecoder.decode(ManifestDecoderTests.manifest(action: ManifestDecoderTests.validAction), source: "demo.json")
        #expect(CatalogDescription.describe(plain)["transport"] == nil)
    }

    @Test("the bundled manifests read JIRA_ and CONFLUENCE_ transport variables")
    func bundledManifests() {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        for manifest in catalog.connectors {
            let prefix = manifest.name.hasPrefix("jira") ? "JIRA" : "CONFLUENCE"
            #expect(manifest.transport.environment(for: .caFile) == ["\(prefix)_CA_BUNDLE"])
            #expect(manifest.transport.environment(for: .clientCertificate) == ["\(prefix)_CLIENT_CERT"])
            #expect(manifest.transport.environment(for: .clientKey) == ["\(prefix)_CLIENT_KEY"])
            #expect(manifest.transport.environment(for: .verify) == ["\(prefix)_SSL_VERIFY"])
        }
    }
}
