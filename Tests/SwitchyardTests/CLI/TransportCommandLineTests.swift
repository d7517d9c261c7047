import Foundation
import Testing
@testable import Switchyard

/// Transport security options of the `switchyard` executable against the sandbox over HTTPS.
@Suite(
    "switchyard with TLS options",
    .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; skipping the TLS tests, which need it to make certificates")
)
struct TransportCommandLineTests {
    static let warning = "TLS certificate verification is off"

    @Test("serve with JIRA_SSL_VERIFY=false answers over TLS, warns on stderr, and keeps stdout protocol-only")
    func serveWarnsOnStderr() async throws {
        try await withTLSSandbox { sandbox in
            let request = #"{"jsonrpc":"2.0","id":1,"method":"execute","params":{"connector":"jira-datacenter","entity":"users","action":"myself"}}"#
            let output = try CommandLine.run(["serve"], stdin: request + "\n", environment: sandbox.environment(["JIRA_SSL_VERIFY": "false"]))
            #expect(output.status == 0, "\(output.stderr)")
            let lines = output.stdout.split(separator: "\n")
            #expect(lines.count == 1, "\(output.stdout)")
            let reply = try JSONValue(parsing: String(lines[0]))
            #expect(reply["result"]?["ok"] == true, "\(reply)")
            #expect(!output.stdout.contains(Self.warning))
            #expect(output.stderr.contains("\(Self.warning) for connector 'jira-datacenter' (JIRA_SSL_VERIFY=false)"), "\(output.stderr)")
        }
    }

    @Test("execute --insecure succeeds against an untrusted certificate and warns on stderr")
    func executeInsecure() async throws {
        try await withTLSSandbox { sandbox in
            let output = try CommandLine.run(["execute", "--insecure", "jira-datacenter", "users", "myself"], environment: sandbox.environment())
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try JSONValue(parsing: output.stdout)["ok"] == true)
            #expect(output.stderr.contains("\(Self.warning) for every connector (--insecure)"), "\(output.stderr)")
        }
    }

    @Test("execute without the CA fails with the fix on stdout; --ca-file makes it succeed without a warning")
    func executeWithCAFile() async throws {
        try await withTLSSandbox { sandbox in
            let untrusted = try CommandLine.run(["execute", "jira-datacenter", "users", "myself"], environment: sandbox.environment())
            #expect(untrusted.status != 0)
            #expect(untrusted.stdout.contains("not trusted") && untrusted.stdout.contains("JIRA_CA_BUNDLE"), "\(untrusted.stdout)")
            let trusted = try CommandLine.run(
                ["execute", "--ca-file", sandbox.certificates.caCertificate, "jira-datacenter", "users", "myself"], environment: sandbox.environment()
            )
            #expect(trusted.status == 0, "\(trusted.stdout) \(trusted.stderr)")
            #expect(!trusted.stderr.contains(Self.warning))
        }
    }

    @Test("auth status shows the TLS files in use, never a key's contents")
    func authStatusShowsTLS() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let output = try CommandLine.run(["auth", "status", "jira-datacenter"], environment: sandbox.environment([
                "JIRA_CA_BUNDLE": certificates.caCertificate,
                "JIRA_CLIENT_CERT": certificates.clientCertificate, "JIRA_CLIENT_KEY": certificates.clientKey,
            ]))
            #expect(output.status == 0, "\(output.stdout) \(output.stderr)")
            #expect(output.stdout.contains("tls: CA bundle \(certificates.caCertificate), client certificate \(certificates.clientCertificate), client key \(certificates.clientKey)"), "\(output.stdout)")
            #expect(output.stdout.contains("check users myself: ok"), "\(output.stdout)")
            let key = try String(contentsOfFile: certificates.clientKey, encoding: .utf8)
            #expect(!output.stdout.contains(key.split(separator: "\n")[1]) && !output.stderr.contains(key.split(separator: "\n")[1]))
        }
    }
    @Test("auth status and describe show an encrypted key as such, and never its password")
    func encryptedKeyPasswordNeverShown() async throws {
        try await withTLSSandbox(requiringClientCertificate: true) { sandbox in
            let certificates = sandbox.certificates
            let environment = sandbox.environment([
                "JIRA_CA_BUNDLE": certificates.caCertificate, "JIRA_CLIENT_CERT": certificates.clientCertificate,
                "JIRA_CLIENT_KEY": certificates.encryptedClientKey, "JIRA_CLIENT_KEY_PASSWORD": TestCertificates.encryptedClientKeyPassword,
            ])
            let status = try CommandLine.run(["auth", "status", "jira-datacenter"], environment: environment)
            #expect(status.status == 0, "\(status.stdout) \(status.stderr)")
            #expect(status.stdout.contains("client key \(certificates.encryptedClientKey) (encrypted)"), "\(status.stdout)")
            #expect(status.stdout.contains("check users myself: ok"), "\(status.stdout)")
            let describe = try CommandLine.run(["describe", "--json", "jira-datacenter"], environment: environment)
            #expect(describe.stdout.contains("JIRA_CLIENT_KEY_PASSWORD"))
            for text in [status.stdout, status.stderr, describe.stdout, describe.stderr] {
                #expect(!text.contains(TestCertificates.encryptedClientKeyPassword))
            }
        }
    }
}
