/// Resolves a connector's ``Connection`` from its manifest and the ``RuntimeSettings``.
///
/// Config values come from the config file, then the environment, then defaults. The auth scheme is the
/// one the credentials file or `method_env` names, else the first whose fields are all present.
enum ConnectionResolver {
    static func resolve(_ manifest: ConnectorManifest, settings: RuntimeSettings) throws(ExecutionError) -> Connection {
        if let override = settings.overrides[manifest.name] {
            return try connection(baseURL: override.baseURL, credential: override.credential, schemeID: nil, manifest: manifest)
        }
        let fileCredentials = settings.credentials[manifest.name] ?? [:]
        let (scheme, credential) = try resolveCredential(manifest, fileCredentials: fileCredentials, environment: settings.environment)
        let baseURL = try resolveBaseURL(manifest, scheme: scheme, settings: settings)
        return try connection(baseURL: baseURL, credential: credential, schemeID: scheme?.id, manifest: manifest)
    }

    private static func connection(baseURL: String, credential: Credential, schemeID: String?, manifest: ConnectorManifest) throws(ExecutionError) -> Connection {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let origin = URLOrigin(trimmed), !trimmed.contains("?"), !trimmed.contains("#") else {
            throw ExecutionError(
                kind: .config,
                message: "connector '\(manifest.name)' has base URL '\(trimmed)', which is not an absolute http(s) URL without query or credentials"
            )
        }
        return Connection(baseURL: trimmed, origin: origin, credential: credential, schemeID: schemeID)
    }

    // MARK: Base URL

    static func configValue(_ variable: ConfigVariable, connector: String, settings: RuntimeSettings) -> JSONValue? {
        if let value = settings.config[connector]?[variable.name], !value.isNull { return value }
        for name in variable.environment {
            if let text = settings.environment[name], !text.isEmpty { return .string(text) }
        }
        return variable.defaultValue
    }

    private static func resolveBaseURL(_ manifest: ConnectorManifest, scheme: AuthScheme?, settings: RuntimeSettings) throws(ExecutionError) -> String {
        if scheme?.baseURL == nil, let variable = manifest.configVariable("base_url"),
           let value = configValue(variable, connector: manifest.name, settings: settings) {
            return value.displayText
        }
        let template = scheme?.baseURL ?? manifest.baseURL
        var missing: [ConfigVariable] = []
        var result = ""
        for part in template.parts {
            switch part {
            case .literal(let text):
                result += text
            case .placeholder(let name, _):
                guard let variable = manifest.configVariable(name),
                      let value = configValue(variable, connector: manifest.name, settings: settings) else {
                    if let variable = manifest.configVariable(name) { missing.append(variable) }
                    continue
                }
                let text = value.displayText
                guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-._~".contains($0) }) else {
                    throw ExecutionError(
                        kind: .config,
                        message: "config '\(name)' of connector '\(manifest.name)' is '\(text)': a value filled into the base URL may use only letters, digits, '-', '.', '_' and '~'"
                    )
                }
                result += text
            }
        }
        guard missing.isEmpty else {
            var options = missing.map { describe($0) }
            if scheme?.baseURL == nil, let baseVariable = manifest.configVariable("base_url") {
                options.append("or \(describe(baseVariable))")
            }
            throw ExecutionError(
                kind: .config,
                message: "connector '\(manifest.name)' needs \(options.joined(separator: " ")) to know where the service is",
                details: ["missing": .array(missing.map { .string($0.name) })]
            )
        }
        return result
    }

    private static func describe(_ variable: ConfigVariable) -> String {
        let environment = variable.environment.isEmpty ? "" : " (env \(variable.environment.joined(separator: " or ")))"
        return "config '\(variable.name)'\(environment)"
    }

    // MARK: Credentials

    private static func resolveCredential(
        _ manifest: ConnectorManifest, fileCredentials: [String: String], environment: [String: String]
    ) throws(ExecutionError) -> (AuthScheme?, Credential) {
        let schemes = manifest.auth.schemes
        guard !schemes.isEmpty else { return (nil, .none) }

        func fieldValue(_ field: CredentialField) -> String? {
            if let value = fileCredentials[field.name], !value.isEmpty { return value }
            for name in field.environment {
                if let value = environment[name], !value.isEmpty { return value }
            }
            return nil
        }

        let requested = fileCredentials["method"] ?? manifest.auth.methodEnvironment.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        if let requested {
            guard let scheme = manifest.auth.scheme(requested) else {
                throw ExecutionError(
                    kind: .config,
                    message: "connector '\(manifest.name)' has no auth method '\(requested)'; available: \(schemes.map(\.id).joined(separator: ", "))"
                )
            }
            let missing = scheme.fields.filter { fieldValue($0) == nil }
            guard missing.isEmpty else {
                throw ExecutionError(
                    kind: .auth,
                    message: "auth method '\(scheme.id)' of connector '\(manifest.name)' needs \(missing.map(describe).joined(separator: ", "))",
                    retryable: false
                )
            }
            return (scheme, credential(for: scheme, values: fieldValue))
        }
        for scheme in schemes where scheme.fields.allSatisfy({ fieldValue($0) != nil }) {
            return (scheme, credential(for: scheme, values: fieldValue))
        }
        let needs = schemes.map { "\($0.id): \($0.fields.map(describe).joined(separator: " + "))" }
        throw ExecutionError(
            kind: .auth,
            message: "no credentials for connector '\(manifest.name)'. Set one of — \(needs.joined(separator: "; "))",
            details: ["methods": .array(schemes.map { .string($0.id) })],
            retryable: false
        )
    }

    private static func describe(_ field: CredentialField) -> String {
        field.environment.isEmpty ? field.name : "\(field.name) (env \(field.environment.joined(separator: " or ")))"
    }

    private static func credential(for scheme: AuthScheme, values: @escaping (CredentialField) -> String?) -> Credential {
        let lookup: (String) -> JSONValue? = { name in
            scheme.fields.first { $0.name == name }.flatMap(values).map(JSONValue.string)
        }
        func fill(_ template: Template) -> String {
            template.fill(lookup) ?? ""
        }
        switch scheme.kind {
        case .none:
            return .none
        case .basic(let username, let password):
            return .basic(username: fill(username), password: fill(password))
        case .bearer(let token):
            return .bearer(token: fill(token))
        case .apiKey(let placement, let name, let value):
            return .apiKey(placement: placement, name: name, value: fill(value))
        }
    }
}
