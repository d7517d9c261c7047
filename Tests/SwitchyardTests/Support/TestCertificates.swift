import Foundation

/// A private CA with a server certificate for loopback (`IP:127.0.0.1`, `DNS:localhost`) and client
/// certificates, made once per test run with the `openssl` tool.
///
/// ```swift
/// let certificates = try TestCertificates.shared()
/// let tls = SandboxTLS(certificateFile: certificates.serverCertificate, keyFile: certificates.serverKey)
/// ```
struct TestCertificates: Sendable {
    /// The CA that issued the server and client certificates.
    let caCertificate: String
    let serverCertificate: String
    let serverKey: String
    /// A client certificate issued by the CA, and its key.
    let clientCertificate: String
    let clientKey: String
    /// ``clientKey`` encrypted (PKCS#8, AES-256) with ``encryptedClientKeyPassword``.
    let encryptedClientKey: String
    static let encryptedClientKeyPassword = "key-canary-pass-91"
    /// A self-signed client certificate no server here trusts, and its key.
    let strangerCertificate: String
    let strangerKey: String

    private static let made: Result<TestCertificates, OpenSSLTool.Failure> = {
        do {
            return .success(try make())
        } catch let failure as OpenSSLTool.Failure {
            return .failure(failure)
        } catch {
            return .failure(OpenSSLTool.Failure(description: "\(error)"))
        }
    }()

    /// The certificates, made on first use; a failure repeats for every caller.
    static func shared() throws -> TestCertificates {
        try made.get()
    }

    private static func make() throws -> TestCertificates {
        let openssl = try OpenSSLTool()
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl.run(["req", "-x509"] + ec + [
            "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Switchyard Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        try openssl.write("server.ext", Array("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n".utf8))
        try openssl.write("client.ext", Array("extendedKeyUsage=clientAuth\n".utf8))
        for (name, extensions) in [("server", "server.ext"), ("client", "client.ext")] {
            try openssl.run(["req"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=switchyard-\(name)"])
            try openssl.run([
                "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(name).pem", "-days", "2", "-extfile", extensions,
            ])
        }
        try openssl.run(["req", "-x509"] + ec + ["-keyout", "stranger.key", "-out", "stranger.pem", "-days", "2", "-subj", "/CN=stranger"])
        try openssl.run(["pkey", "-in", "client.key", "-aes256", "-passout", "pass:\(encryptedClientKeyPassword)", "-out", "client-encrypted.key"])
        let path = { (name: String) in openssl.directory.appendingPathComponent(name).path }
        return TestCertificates(
            caCertificate: path("ca.pem"), serverCertificate: path("server.pem"), serverKey: path("server.key"),
            clientCertificate: path("client.pem"), clientKey: path("client.key"), encryptedClientKey: path("client-encrypted.key"),
            strangerCertificate: path("stranger.pem"), strangerKey: path("stranger.key")
        )
    }
}
