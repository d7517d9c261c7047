import AsyncHTTPClient
import NIOCore
import NIOSSL
import SwitchyardWebhooks
import Testing

@Suite("Webhook listener over HTTPS")
struct WebhookListenerTLSTests {
    @Test func withACertificateAndKeyTheListenerServesHTTPS() async throws {
        let certificates = try TestCertificates.shared()
        let harness = try await WebhookListenerHarness.start { configuration in
            configuration.tls = .init(certificatePath: certificates.serverCertificate, privateKeyPath: certificates.serverKey)
        }
        #expect(harness.running.url.hasPrefix("https://127.0.0.1:"))
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.caCertificate))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let body = WebhookListenerHarness.issueEvent()
        var request = HTTPClientRequest(url: harness.running.url)
        request.method = .POST
        request.headers.add(name: "X-Hub-Signature", value: WebhookSignature.header(for: Array(body.utf8), secret: WebhookListenerHarness.secret))
        request.body = .bytes(Array(body.utf8))
        let status: UInt
        do {
            status = try await client.execute(request, timeout: .seconds(10)).status.code
        } catch {
            try await client.shutdown()
            await harness.running.stop()
            throw error
        }
        try await client.shutdown()
        #expect(status == 200)
        #expect(await harness.recorder.events(count: 1).count == 1)
        await harness.running.stop()
    }

    @Test func aMissingCertificateFileNamesTheOption() async throws {
        var configuration = WebhookListenerConfiguration(port: 0, secret: "s")
        configuration.tls = .init(certificatePath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem")
        let listener = WebhookListener(configuration: configuration) { _ in }
        await #expect {
            _ = try await listener.start()
        } throws: { error in
            String(describing: error).contains("--tls-cert /nonexistent/cert.pem")
        }
    }
}
