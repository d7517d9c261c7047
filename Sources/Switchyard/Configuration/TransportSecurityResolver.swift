/// Resolves a connector's ``TransportSecurity``: each setting comes from the command line
/// (``RuntimeSettings/transport``), then the config file (keyed by the manifest's setting name, e.g.
/// `{"jira": {"ca_file": "/etc/pki/corp.pem", "ssl_verify": false}}`), then the environment variables the
/// manifest's `transport` section names.
///
/// ```swift
/// let security = try TransportSecurityResolver(manifest: jira, settings: settings).resolve()
/// ```
public struct TransportSecurityResolver {
    /// One setting's value and where it came from, for messages: `--ca-file`, `JIRA_CA_BUNDLE`, …
    private struct SourcedValue {
        let value: String
        let source: String
    }

    let manifest: ConnectorManifest
    let settings: RuntimeSettings

    public init(manifest: ConnectorManifest, settings: RuntimeSettings) {
        self.manifest = manifest
        self.settings = settings
    }

    /// Warnings to show at every start, one per way certificate verification was turned off: `--insecure`
    /// for every connector, or a connector's own setting such as `JIRA_SSL_VERIFY=false`.
    public static func insecureWarnings(for manifests: [ConnectorManifest], settings: RuntimeSettings) -> [String] {
        let consequence = "anyone on the network path can read and change the traffic, credentials included"
        if settings.transport.insecure {
            return ["warning: TLS certificate verification is off for every connector (--insecure): \(consequence)"]
        }
        return manifests.compactMap { manifest in
            guard let source = try? TransportSecurityResolver(manifest: manifest, settings: settings).verificationSwitch() else { return nil }
            return "warning: TLS certificate verification is off for connector '\(manifest.name)' (\(source)): \(consequence)"
        }
    }

    /// The connector's TLS settings, with every file loaded once to fail early with its path and source.
    public func resolve() throws(ExecutionError) -> TransportSecurity {
        let caFile = try value(.caFile, option: ("--ca-file", settings.transport.caFile))
        let certificate = try value(.clientCertificate, option: ("--client-cert", settings.transport.clientCertificateFile))
        let key = try value(.clientKey, option: ("--client-key", settings.transport.clientKeyFile))
        let tls = TLSSettings(
            caFile: caFile?.value, clientCertificateFile: certificate?.value, clientKeyFile: key?.value,
            clientKeyPassword: keyPassword(), verifiesCertificates: try verificationSwitch() == nil
        )
        if tls != .system {
            do {
                _ = try tls.makeConfiguration()
            } catch {
                let sources = [caFile, certificate, key].compactMap { $0 }
                let source = sources.first { $0.value == error.details["file"]?.stringValue }?.source
                var message = "connector '\(manifest.name)': \(error.message)\(source.map { " (from \($0))" } ?? "")"
                let passwordVariables = manifest.transport.environment(for: .clientKeyPassword)
                if error.details["reason"] == "encrypted_key", !passwordVariables.isEmpty {
                    message += "; set \(passwordVariables.joined(separator: " or "))"
                }
                throw ExecutionError(kind: error.kind, message: message, details: error.details, retryable: false)
            }
        }
        return TransportSecurity(tls: tls, spec: manifest.transport)
    }

    /// What turned certificate verification off (`--insecure`, `JIRA_SSL_VERIFY=false`, …), or `nil` when it is on.
    func verificationSwitch() throws(ExecutionError) -> String? {
        if settings.transport.insecure { return "--insecure" }
        if let configured = settings.config[manifest.name]?[TransportSpec.Setting.verify.rawValue], !configured.isNull {
            let flag = configured.boolValue ?? configured.stringValue.flatMap(Self.parseBool)
            guard let flag else {
                throw ExecutionError(kind: .config, message: "config '\(TransportSpec.Setting.verify.rawValue)' of connector '\(manifest.name)' must be true or false")
            }
            return flag ? nil : "\(TransportSpec.Setting.verify.rawValue): false in the config file"
        }
        for name in manifest.transport.environment(for: .verify) {
            guard let text = settings.environment[name], !text.isEmpty else { continue }
            guard let flag = Self.parseBool(text) else {
                throw ExecutionError(kind: .config, message: "\(name) is '\(text)'; use true or false")
            }
            return flag ? nil : "\(name)=\(text)"
        }
        return nil
    }

    private func value(_ setting: TransportSpec.Setting, option: (name: String, value: String?)) throws(ExecutionError) -> SourcedValue? {
        if let value = option.value, !value.isEmpty { return SourcedValue(value: value, source: option.name) }
        if let configured = settings.config[manifest.name]?[setting.rawValue], !configured.isNull {
            guard let path = configured.stringValue else {
                throw ExecutionError(kind: .config, message: "config '\(setting.rawValue)' of connector '\(manifest.name)' must be a file path")
            }
            if !path.isEmpty { return SourcedValue(value: path, source: "config '\(setting.rawValue)'") }
        }
        for name in manifest.transport.environment(for: setting) {
            if let value = settings.environment[name], !value.isEmpty { return SourcedValue(value: value, source: name) }
        }
        return nil
    }

    /// The client key's password, from the environment only: a secret has no place on a command line,
    /// where other users can see it, or in the config file, which is not kept private.
    private func keyPassword() -> String? {
        manifest.transport.environment(for: .clientKeyPassword).lazy.compactMap { settings.environment[$0] }.first { !$0.isEmpty }
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "on": true
        case "false", "0", "no", "off": false
        default: nil
        }
    }
}
