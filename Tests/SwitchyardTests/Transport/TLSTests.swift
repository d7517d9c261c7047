import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// Custom CA bundles, turning verification off, and client certificates, against the sandbox over real
/// HTTPS on loopback.
@Suite(
    "TLS: CA bundles, verification and client certificates",
    .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; skipping the TLS tests, which need it to make certificates")
)
struct TLSTests {
    @Test("a server certificate from the CA in JIRA_CA_BUNDLE is trusted and the call succeeds")
    func caBundleFromEnvironment() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": sandbox.certificates.caCertificate])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(envelope.result?.data["name"] != nil)
            #expect(sandbox.server.recordedRequests().count == 1)
        }
    }

    @Test("without the CA the call fails fast with an error naming the origin and the fix, and nothing was sent")
    func untrustedCertificate() async throws {
        try await withTLSSandbox { sandbox in
            let started = ContinuousClock.now
            let envelope = await sandbox.myself()
            let error = try #require(envelope.error)
            #expect(error.kind == .network)
            #expect(!error.retryable)
            #expect(error.message.contains("certificate of \(sandbox.server.baseURL) is not trusted"), "\(error.message)")
            #expect(error.message.contains("--ca-file") && error.message.contains("JIRA_CA_BUNDLE"), "\(error.message)")
            #expect(error.details["reason"] == "tls_untrusted_certificate")
            #expect(envelope.json["meta"]?["attempts"] == 1, "another attempt cannot fix an untrusted certificate")
            #expect(started.duration(to: .now) < .seconds(5))
            #expect(sandbox.server.recordedRequests().isEmpty)
        }
    }

    @Test("--ca-file applies to every connector and wins over the environment")
    func caFileOption() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": "/nonexistent/ca.pem"]) { settings in
                settings.transport.caFile = sandbox.certificates.caCertificate
            }
            #expect(envelope.error == nil, "\(envelope.json)")
        }
    }

    @Test("ca_file in the config file wins over the environment")
    func caFileInConfig() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": "/nonexistent/ca.pem"]) { settings in
                settings.config["jira-datacenter"] = ["ca_file": .string(sandbox.certificates.caCertificate)]
            }
            #expect(envelope.error == nil, "\(envelope.json)")
        }
    }

    @Test("a config file value that is not a path, or an ssl_verify that is not a boolean, is a config error")
    func configFileValues() async throws {
        try await withTLSSandbox { sandbox in
            let notPath = await sandbox.myself { $0.config["jira-datacenter"] = ["ca_file": 42] }
            #expect(notPath.error?.kind == .config)
            #expect(notPath.error?.message == "config 'ca_file' of connector 'jira-datacenter' must be a file path")
            let notBool = await sandbox.myself { $0.config["jira-datacenter"] = ["ssl_verify": "sometimes"] }
            #expect(notBool.error?.message == "config 'ssl_verify' of connector 'jira-datacenter' must be true or false")
            let off = await sandbox.myself { $0.config["jira-datacenter"] = ["ssl_verify": false] }
            #expect(off.error == nil, "\(off.json)")
        }
    }

    @Test("a CA bundle path that does not exist is a config error naming the file and where it was set")
    func missingCAFile() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": "/nonexistent/corp-ca.pem"])
            let error = try #require(envelope.error)
            #expect(error.kind == .config)
            #expect(error.message.contains("'/nonexistent/corp-ca.pem' does not exist"), "\(error.message)")
            #expect(error.message.contains("JIRA_CA_BUNDLE") && error.message.contains("jira-datacenter"), "\(error.message)")
            #expect(error.details["file"] == "/nonexistent/corp-ca.pem")
            #expect(sandbox.server.recordedRequests().isEmpty)
        }
    }

    @Test("a CA bundle that holds no certificate is a config error naming the file")
    func caFileWithoutCertificate() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": sandbox.certificates.serverKey])
            let error = try #require(envelope.error)
            #expect(error.kind == .config)
            #expect(error.message.contains("'\(sandbox.certificates.serverKey)' holds no"), "\(error.message)")
            #expect(!error.message.contains("PRIVATE KEY-----"))
        }
    }

    @Test("JIRA_SSL_VERIFY=false reaches a server nobody trusts, and the start warning names the variable")
    func verificationOffByEnvironment() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_SSL_VERIFY": "false"])
            #expect(envelope.error == nil, "\(envelope.json)")
            let settings = RuntimeSettings(environment: ["JIRA_SSL_VERIFY": "false"])
            let warnings = TransportSecurityResolver.insecureWarnings(for: TLSSandbox.catalog.connectors, settings: settings)
            #expect(warnings.count == 2, "jira and jira-datacenter both read JIRA_SSL_VERIFY: \(warnings)")
            #expect(warnings.allSatisfy { $0.contains("JIRA_SSL_VERIFY=false") })
            #expect(warnings.contains { $0.contains("'jira-datacenter'") })
        }
    }

    @Test("--insecure reaches a server nobody trusts, with one warning for every connector")
    func insecureOption() async throws {
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself { $0.transport.insecure = true }
            #expect(envelope.error == nil, "\(envelope.json)")
            var settings = RuntimeSettings()
            settings.transport.insecure = true
            let warnings = TransportSecurityResolver.insecureWarnings(for: TLSSandbox.catalog.connectors, settings: settings)
            #expect(warnings == ["warning: TLS certificate verification is off for every connector (--insecure): anyone on the network path can read and change the traffic, credentials included"])
        }
    }

    @Test("verification stays on without a setting, and a value that is not a boolean is refused")
    func verificationValues() async throws {
        let settings = RuntimeSettings(environment: ["JIRA_SSL_VERIFY": "true"])
        #expect(TransportSecurityResolver.insecureWarnings(for: TLSSandbox.catalog.connectors, settings: settings).isEmpty)
        try await withTLSSandbox { sandbox in
            let envelope = await sandbox.myself(["JIRA_SSL_VERIFY": "maybe"])
            #expect(envelope.error?.kind == .config)
            #expect(envelope.error?.message == "JIRA_SSL_VERIFY is 'maybe'; use true or false")
        }
    }

    @Test("a server that requires a client certificate refuses a client without one")
    func clientCertificateRequired() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": sandbox.certificates.caCertificate])
            let error = try #require(envelope.error)
            #expect(error.kind == .network)
            #expect(error.message.contains("client certificate") && error.message.contains("JIRA_CLIENT_CERT and JIRA_CLIENT_KEY"), "\(error.message)")
            #expect(!error.retryable)
            #expect(sandbox.server.recordedRequests().isEmpty)
        }
    }

    @Test("the same server accepts the client certificate its CA issued (JIRA_CLIENT_CERT and JIRA_CLIENT_KEY)")
    func clientCertificateAccepted() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let envelope = await sandbox.myself([
                "JIRA_CA_BUNDLE": certificates.caCertificate,
                "JIRA_CLIENT_CERT": certificates.clientCertificate, "JIRA_CLIENT_KEY": certificates.clientKey,
            ])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(sandbox.server.recordedRequests().count == 1)
        }
    }

    @Test("an encrypted client key works with JIRA_CLIENT_KEY_PASSWORD")
    func encryptedClientKey() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let envelope = await sandbox.myself([
                "JIRA_CA_BUNDLE": certificates.caCertificate, "JIRA_CLIENT_CERT": certificates.clientCertificate,
                "JIRA_CLIENT_KEY": certificates.encryptedClientKey, "JIRA_CLIENT_KEY_PASSWORD": TestCertificates.encryptedClientKeyPassword,
            ])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(sandbox.server.recordedRequests().count == 1)
        }
    }

    @Test("an encrypted client key without its password names the variable; a wrong password is refused; neither is shown")
    func encryptedClientKeyErrors() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let base = ["JIRA_CA_BUNDLE": certificates.caCertificate, "JIRA_CLIENT_CERT": certificates.clientCertificate, "JIRA_CLIENT_KEY": certificates.encryptedClientKey]
            let withoutPassword = await sandbox.myself(base)
            #expect(withoutPassword.error?.kind == .config, "\(withoutPassword.json)")
            #expect(withoutPassword.error?.message.contains("is encrypted") == true, "\(withoutPassword.json)")
            #expect(withoutPassword.error?.message.contains("set JIRA_CLIENT_KEY_PASSWORD") == true, "\(withoutPassword.json)")
            let wrongPassword = "wrong-canary-pass-17"
            let wrong = await sandbox.myself(base.merging(["JIRA_CLIENT_KEY_PASSWORD": wrongPassword]) { $1 })
            #expect(wrong.error?.kind == .config, "\(wrong.json)")
            #expect(wrong.error?.message.contains("cannot be decrypted") == true, "\(wrong.json)")
            for envelope in [withoutPassword, wrong] {
                let text = envelope.json.serialized()
                #expect(!text.contains(wrongPassword) && !text.contains(TestCertificates.encryptedClientKeyPassword))
            }
            #expect(sandbox.server.recordedRequests().isEmpty)
        }
    }

    @Test("the server verifies the client certificate: one from another issuer is refused")
    func strangerClientCertificate() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let envelope = await sandbox.myself(["JIRA_CA_BUNDLE": certificates.caCertificate]) { settings in
                settings.transport.clientCertificateFile = certificates.strangerCertificate
                settings.transport.clientKeyFile = certificates.strangerKey
            }
            #expect(envelope.error?.kind == .network, "\(envelope.json)")
            #expect(envelope.error?.details["reason"] == "tls_client_certificate_rejected", "\(envelope.json)")
            #expect(sandbox.server.recordedRequests().isEmpty)
        }
    }

    @Test("a client certificate without its key, or with another's key, is a config error")
    func clientCertificateKeyMismatch() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let withoutKey = await sandbox.myself(["JIRA_CLIENT_CERT": certificates.clientCertificate])
            #expect(withoutKey.error?.kind == .config)
            #expect(withoutKey.error?.message.contains("needs its private key") == true, "\(withoutKey.json)")
            let mismatched = await sandbox.myself(["JIRA_CLIENT_CERT": certificates.clientCertificate, "JIRA_CLIENT_KEY": certificates.strangerKey])
            #expect(mismatched.error?.kind == .config, "\(mismatched.json)")
            let keyText = try String(contentsOfFile: certificates.strangerKey, encoding: .utf8)
            #expect(!mismatched.json.serialized().contains(keyText.split(separator: "\n")[1]))
        }
    }
}
