/// The environment variables a connector reads its transport security settings from: a CA bundle to
/// trust, a client certificate and key to present (mutual TLS), the password of an encrypted key, and
/// whether to verify server certificates.
///
/// ```json
/// "transport": {
///   "ca_file": {"env": ["JIRA_CA_BUNDLE"]},
///   "client_cert": {"env": ["JIRA_CLIENT_CERT"]},
///   "client_key": {"env": ["JIRA_CLIENT_KEY"]},
///   "client_key_password": {"env": ["JIRA_CLIENT_KEY_PASSWORD"]},
///   "ssl_verify": {"env": ["JIRA_SSL_VERIFY"]}
/// }
/// ```
///
/// The same settings can be given per connector in the `--config` file under the same names, and for every
/// connector at once with `--ca-file`, `--client-cert`, `--client-key` and `--insecure`. The key password
/// is a secret: it is read from the environment only, never from the command line or the config file.
public struct TransportSpec: Sendable, Hashable {
    /// One setting: a manifest field name (also its `--config` key) and where it is read from.
    public enum Setting: String, Sendable, CaseIterable {
        case caFile = "ca_file"
        case clientCertificate = "client_cert"
        case clientKey = "client_key"
        case clientKeyPassword = "client_key_password"
        case verify = "ssl_verify"
    }

    /// Environment variables per setting; the first one set wins.
    public var environment: [Setting: [String]] = [:]

    public static let none = TransportSpec()

    /// The environment variables of `setting`, empty when the manifest declares none.
    public func environment(for setting: Setting) -> [String] {
        environment[setting] ?? []
    }

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> TransportSpec {
        guard var reader = ObjectReader(json, at: pointer, what: "'transport'", problems: &problems) else { return .none }
        var spec = TransportSpec()
        for setting in Setting.allCases {
            guard let value = reader.value(setting.rawValue) else { continue }
            let settingPointer = pointer.appending(setting.rawValue)
            guard var settingReader = ObjectReader(value, at: settingPointer, what: "'\(setting.rawValue)'", problems: &problems) else { continue }
            let names = settingReader.strings("env", problems: &problems) ?? []
            if settingReader.value("env") == nil {
                problems.add(settingPointer, "missing required field 'env'")
            }
            for (index, name) in names.enumerated() where !isEnvironmentName(name) {
                problems.add(
                    settingPointer.appending("env").appending(index),
                    "'\(name)' is not an environment variable name: use letters, digits and '_', not starting with a digit"
                )
            }
            settingReader.reportUnknownFields(&problems)
            spec.environment[setting] = names
        }
        reader.reportUnknownFields(&problems)
        return spec
    }

    private static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
