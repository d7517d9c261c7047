import NIOSSL

/// The certificate chain and private key of a server that speaks HTTPS, as PEM file paths: the webhook
/// listener's and `serve --http`'s `--tls-cert`/`--tls-key`.
///
/// ```swift
/// let files = ServerTLSFiles(certificatePath: "server.pem", privateKeyPath: "server.key")
/// let tls = try files.configuration()   // a server-side TLSConfiguration
/// ```
public struct ServerTLSFiles: Sendable, Equatable {
    public var certificatePath: String
    public var privateKeyPath: String

    public init(certificatePath: String, privateKeyPath: String) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }

    /// The server-side TLS configuration of the two files; the error says why they could not be used.
    public func configuration() throws(ExecutionError) -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        } catch {
            throw ExecutionError(kind: .config, message: String(describing: error))
        }
    }
}
