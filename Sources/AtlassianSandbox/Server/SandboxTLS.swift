import NIOSSL

/// HTTPS for the sandbox, as a Server / Data Center behind a corporate CA has it: a certificate chain and
/// key, and optionally the CA whose client certificates the server requires (mutual TLS).
///
/// ```swift
/// let tls = SandboxTLS(certificateFile: "server.pem", keyFile: "server.key", clientCAFile: "ca.pem")
/// let server = try await SandboxServer.start(tls: tls)   // https://127.0.0.1:PORT, client certificate required
/// ```
public struct SandboxTLS: Sendable {
    /// The server's PEM certificate chain, leaf first.
    public let certificateFile: String
    /// The leaf's PEM private key.
    public let keyFile: String
    /// When set, a handshake without a client certificate issued by this PEM CA fails.
    public let clientCAFile: String?

    public init(certificateFile: String, keyFile: String, clientCAFile: String? = nil) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.clientCAFile = clientCAFile
    }

    func makeContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
        )
        if let clientCAFile {
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(clientCAFile))
            // Verifying peers on a server also requires them to present a certificate.
            configuration.certificateVerification = .noHostnameVerification
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
