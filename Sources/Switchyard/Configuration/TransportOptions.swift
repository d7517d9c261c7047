/// Transport security settings for every connector at once, from the command line (`--ca-file`,
/// `--client-cert`, `--client-key`, `--insecure`); each one set wins over the config file and environment.
///
/// ```swift
/// var settings = RuntimeSettings(environment: ProcessInfo.processInfo.environment)
/// settings.transport.caFile = "/etc/pki/corp-root.pem"
/// ```
public struct TransportOptions: Sendable {
    /// A PEM CA bundle trusted instead of the system trust store.
    public var caFile: String?
    /// A PEM client certificate for mutual TLS.
    public var clientCertificateFile: String?
    /// The client certificate's unencrypted PEM private key.
    public var clientKeyFile: String?
    /// Turns off certificate verification everywhere; the CLI warns on stderr at every start.
    public var insecure = false

    public init(caFile: String? = nil, clientCertificateFile: String? = nil, clientKeyFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeyFile = clientKeyFile
        self.insecure = insecure
    }
}
