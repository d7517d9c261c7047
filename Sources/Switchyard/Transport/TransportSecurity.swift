/// A connector's TLS settings and, for error messages, the environment variables its user changes them with.
///
/// ```swift
/// let security = TransportSecurity(tls: TLSSettings(caFile: "/etc/pki/corp.pem"), spec: jira.transport)
/// security.trustAdvice   // "pass --ca-file FILE or set JIRA_CA_BUNDLE"
/// ```
public struct TransportSecurity: Sendable {
    public let tls: TLSSettings
    /// The manifest's transport variables, named in advice.
    public let spec: TransportSpec

    /// The system trust store, with advice naming only the command-line options.
    public static let system = TransportSecurity(tls: .system, spec: .none)

    public init(tls: TLSSettings, spec: TransportSpec) {
        self.tls = tls
        self.spec = spec
    }

    /// How to make an untrusted server certificate trusted.
    var trustAdvice: String {
        advice(option: "--ca-file FILE", variables: spec.environment(for: .caFile))
    }

    /// How to present a client certificate.
    var clientCertificateAdvice: String {
        let certificate = spec.environment(for: .clientCertificate).first
        let key = spec.environment(for: .clientKey).first
        let variables = certificate.flatMap { certificate in key.map { [certificate + " and " + $0] } } ?? []
        return advice(option: "--client-cert FILE and --client-key FILE", variables: variables)
    }

    private func advice(option: String, variables: [String]) -> String {
        (["pass \(option)"] + variables.prefix(1).map { "set \($0)" }).joined(separator: " or ")
    }
}
