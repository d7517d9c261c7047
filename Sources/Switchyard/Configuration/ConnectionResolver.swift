import Foundation

/// Resolves a connector's ``Connection`` from its manifest and the ``RuntimeSettings``.
///
/// Credential fields come from the `--credentials` file, then the environment, then the default store;
/// an OAuth 2.0 refresh token the runtime rotated wins over the supplied token it came from
/// (``RefreshTokenChain``).
/// Config values come from the config file, then the environment, then stored credentials (a login stores
/// the OAuth cloud id there), then defaults. Transport security settings come from the command line, then
/// the config file, then the environment. The auth scheme is the one the credentials or `method_env`
/// name, else the first whose credentials are complete.
struct ConnectionResolver {
    let manifest: ConnectorManifest
    let settings: RuntimeSettings
    let transport: HTTPTransport

    static func resolve(_ manifest: ConnectorManifest, settings: RuntimeSettings, transport: HTTPTransport) throws(ExecutionError) -> Connection {
        try ConnectionResolver(manifest: manifest, settings: settings, transport: transport).resolve()
    }

    private var explicit: [String: String] { settings.credentials[manifest.name] ?? [:] }
    private var stored: [String: String] { settings.storedCredentials[manifest.name] ?? [:] }

    func resolve() throws(ExecutionError) -> Connection {
        let security = try TransportSecurityResolver(manifest: manifest, settings: settings).resolve()
        if let override = settings.overrides[manifest.name] {
            return try connection(baseURL: override.baseURL, credential: override.credential, schemeID: nil, security: security)
        }
        let scheme = try chooseScheme()
        let baseURL = try resolveBaseURL(scheme: scheme)
        var credential = Credential.none
        if let scheme { credential = try self.credential(for: scheme, security: security) }
        return try connection(baseURL: baseURL, credential: credential, schemeID: scheme?.id, security: security)
    }

    /// The connector's site alone: its base URL (from the config, whatever auth scheme would be chosen) and
    /// transport security, with no credential. Callers that bring their own credential use it.
    func resolveSite() throws(ExecutionError) -> Connection {
        let security = try TransportSecurityResolver(manifest: manifest, settings: settings).resolve()
        if let override = settings.overrides[manifest.name] {
            return try connection(baseURL: override.baseURL, credential: .none, schemeID: nil, security: security)
        }
        return try connection(baseURL: resolveBaseURL(scheme: nil), credential: .none, schemeID: nil, security: security)
    }

    private func connection(
        baseURL: String, credential: Credential, schemeID: String?, security: TransportSecurity
    ) throws(ExecutionError) -> Connection {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let origin = URLOrigin(trimmed), !trimmed.contains("?"), !trimmed.contains("#") else {
            throw ExecutionError(
                kind: .config,
                message: "connector '\(manifest.name)' has base URL '\(trimmed)', which is not an absolute http(s) URL without query or credentials"
            )
        }
        return Connection(baseURL: trimmed, origin: origin, credential: credential, schemeID: schemeID, security: security)
    }

    // MARK: Values

    func fieldValue(_ name: String, in scheme: AuthScheme) -> String? {
        if let value = suppliedValue(name, in: scheme) { return value }
        if let value = stored[name], !value.isEmpty { return value }
        return nil
    }

    /// A credential field from the `--credentials` file, else the environment; never the store.
    func suppliedValue(_ name: String, in scheme: AuthScheme) -> String? {
        if let value = explicit[name], !value.isEmpty { return value }
        if let field = scheme.fields.first(where: { $0.name == name }) {
            for variable in field.environment {
                if let value = settings.environment[variable], !value.isEmpty { return value }
            }
        }
        return nil
    }

    func configValue(_ variable: ConfigVariable) -> JSONValue? {
        if let value = settings.config[manifest.name]?[variable.name], !value.isNull { return value }
        for name in variable.environment {
            if let text = settings.environment[name], !text.isEmpty { return .string(text) }
        }
        if let text = explicit[variable.name] ?? stored[variable.name], !text.isEmpty { return .string(text) }
        return variable.defaultValue
    }

    /// Fills a template over credential fields; `nil` when a field has no value.
    private func fillFields(_ template: Template?, scheme: AuthScheme) -> String? {
        guard let template else { return nil }
        return template.fill { name in fieldValue(name, in: scheme).map(JSONValue.string) }
    }

    // MARK: Base URL

    private func resolveBaseURL(scheme: AuthScheme?) throws(ExecutionError) -> String {
        if scheme?.baseURL == nil, let variable = manifest.configVariable("base_url"), let value = configValue(variable) {
            return value.displayText
        }
        return try fillConfig(scheme?.baseURL ?? manifest.baseURL, what: "to know where the service is", urlSafe: true)
    }

    /// Fills a template over config variables, naming the missing ones and their environment variables.
    func fillConfig(_ template: Template, what: String, urlSafe: Bool) throws(ExecutionError) -> String {
        var missing: [ConfigVariable] = []
        var result = ""
        for part in template.parts {
            switch part {
            case .literal(let text):
                result += text
            case .placeholder(let name, _):
                guard let variable = manifest.configVariable(name), let value = configValue(variable) else {
                    if let variable = manifest.configVariable(name) { missing.append(variable) }
                    continue
                }
                let text = value.displayText
                // A value that starts the template may be a whole origin (`{gateway}/ex/jira/{cloud_id}`);
                // a value inside a URL must not be able to change its host or path.
                let startsTemplate = result.isEmpty
                if urlSafe, !startsTemplate, text.isEmpty || !text.allSatisfy({ $0.isLetter || $0.isNumber || "-._~".contains($0) }) {
                    throw ExecutionError(
                        kind: .config,
                        message: "config '\(name)' of connector '\(manifest.name)' is '\(text)': a value filled into a URL may use only letters, digits, '-', '.', '_' and '~'"
                    )
                }
                result += text
            }
        }
        guard missing.isEmpty else {
            var options = missing.map(Self.describe)
            if template.source == manifest.baseURL.source, let baseVariable = manifest.configVariable("base_url") {
                options.append("or \(Self.describe(baseVariable))")
            }
            throw ExecutionError(
                kind: .config,
                message: "connector '\(manifest.name)' needs \(options.joined(separator: " ")) \(what)",
                details: ["missing": .array(missing.map { .string($0.name) })]
            )
        }
        return result
    }

    private static func describe(_ variable: ConfigVariable) -> String {
        let environment = variable.environment.isEmpty ? "" : " (env \(variable.environment.joined(separator: " or ")))"
        return "config '\(variable.name)'\(environment)"
    }

    // MARK: Choosing a scheme

    private func chooseScheme() throws(ExecutionError) -> AuthScheme? {
        let schemes = manifest.auth.schemes
        guard !schemes.isEmpty else { return nil }
        let requested = explicit["method"]
            ?? manifest.auth.methodEnvironment.lazy.compactMap { settings.environment[$0] }.first { !$0.isEmpty }
            ?? stored["method"]
        if let requested {
            guard let scheme = manifest.auth.scheme(requested) else {
                throw ExecutionError(
                    kind: .config,
                    message: "connector '\(manifest.name)' has no auth method '\(requested)'; available: \(schemes.map(\.id).joined(separator: ", "))"
                )
            }
            guard isComplete(scheme) else {
                throw ExecutionError(
                    kind: .auth, message: "auth method '\(scheme.id)' of connector '\(manifest.name)' needs \(needs(scheme))", retryable: false
                )
            }
            return scheme
        }
        if let complete = schemes.first(where: isComplete) { return complete }
        let summary = schemes.map { "\($0.id): \(needs($0))" }
        throw ExecutionError(
            kind: .auth,
            message: "no credentials for connector '\(manifest.name)'. Set one of — \(summary.joined(separator: "; "))",
            details: ["methods": .array(schemes.map { .string($0.id) })],
            retryable: false
        )
    }

    /// Whether every credential the scheme needs has a value. An OAuth 2.0 scheme needs an access token,
    /// or a refresh token with the client id and secret.
    private func isComplete(_ scheme: AuthScheme) -> Bool {
        switch scheme.kind {
        case .oauth2(let spec):
            if fillFields(spec.accessToken, scheme: scheme) != nil { return true }
            return [spec.refreshToken, spec.clientID, spec.clientSecret].allSatisfy { fillFields($0, scheme: scheme) != nil }
        default:
            return scheme.kind.templates.allSatisfy { fillFields($0, scheme: scheme) != nil }
        }
    }

    private func needs(_ scheme: AuthScheme) -> String {
        let names = Set(scheme.kind.templates.flatMap(\.placeholders))
        let fields = scheme.fields.filter { names.contains($0.name) }.map { field in
            field.environment.isEmpty ? field.name : "\(field.name) (env \(field.environment.joined(separator: " or ")))"
        }
        if case .oauth2 = scheme.kind {
            return "an access token, or a refresh token with the client id and secret — " + fields.joined(separator: ", ") + "; or run: switchyard auth login \(manifest.name) --method \(scheme.id)"
        }
        return fields.joined(separator: " + ")
    }

    // MARK: Building the credential

    private func credential(for scheme: AuthScheme, security: TransportSecurity) throws(ExecutionError) -> Credential {
        let fill: (Template) -> String = { fillFields($0, scheme: scheme) ?? "" }
        switch scheme.kind {
        case .none:
            return .none
        case .basic(let username, let password):
            return .basic(username: fill(username), password: fill(password))
        case .bearer(let token):
            return .bearer(token: fill(token))
        case .apiKey(let placement, let name, let value):
            return .apiKey(placement: placement, name: name, value: fill(value))
        case .cookie(let cookies):
            return .cookie(header: try CookieHeader.normalize(fill(cookies)))
        case .oauth2(let spec):
            let client = OAuth2Client(
                tokenURL: try fillConfig(spec.tokenURL, what: "for its OAuth 2.0 token endpoint", urlSafe: false),
                clientID: fillFields(spec.clientID, scheme: scheme) ?? "",
                clientSecret: fillFields(spec.clientSecret, scheme: scheme) ?? "",
                transport: transport, security: security
            )
            let session = OAuth2Session(
                connector: manifest.name, client: client, chain: refreshTokenChain(spec, scheme: scheme),
                store: settings.credentialStorePath.map(CredentialStore.init(path:)),
                shared: settings.sharedTokens.map { SharedTokenBinding(store: $0, key: "\(manifest.name)|\(client.tokenURL)|\(client.clientID)") }
            )
            return .oauth2(session)
        case .oauth1(let spec):
            let keyValue = fill(spec.privateKey)
            let pem: String
            if keyValue.contains("-----BEGIN") {
                pem = keyValue
            } else {
                guard let data = FileManager.default.contents(atPath: (keyValue as NSString).expandingTildeInPath) else {
                    throw ExecutionError(kind: .config, message: "cannot read the OAuth 1.0a private key file '\(keyValue)' of connector '\(manifest.name)'")
                }
                pem = String(decoding: data, as: UTF8.self)
            }
            do {
                return .oauth1(try OAuth1Signer(consumerKey: fill(spec.consumerKey), privateKeyPEM: pem, token: fill(spec.token)))
            } catch {
                throw ExecutionError(kind: .config, message: "the OAuth 1.0a private key of connector '\(manifest.name)' cannot be used: \(error.message)")
            }
        }
    }

    /// The refresh token chain: the token supplied by the credentials file or the environment, weighed
    /// against the one the store (or the credentials file, when it is the store) holds from a rotation.
    private func refreshTokenChain(_ spec: OAuth2Spec, scheme: AuthScheme) -> RefreshTokenChain {
        let supplied = { (template: Template?) -> String? in
            guard let template else { return nil }
            return template.fill { name in suppliedValue(name, in: scheme).map(JSONValue.string) }
        }
        let names = spec.refreshToken?.placeholders ?? []
        let from: String = if names.contains(where: { explicit[$0]?.isEmpty == false }) {
            "the credentials file"
        } else {
            "env " + scheme.fields.filter { names.contains($0.name) }.flatMap(\.environment)
                .filter { settings.environment[$0]?.isEmpty == false }.joined(separator: ", ")
        }
        // With `--credentials FILE` that file is the store, and rotations are written back to it.
        return RefreshTokenChain(
            supplied: supplied(spec.refreshToken), suppliedAccessToken: supplied(spec.accessToken), suppliedFrom: from,
            record: stored.isEmpty ? explicit : stored
        )
    }
}

/// Browser-session cookies as one `Cookie` header, from `a=1; b=2` or a JSON object `{"a": "1"}`.
enum CookieHeader {
    static func normalize(_ text: String) throws(ExecutionError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var pairs: [(String, String)] = []
        if trimmed.hasPrefix("{") {
            guard let object = (try? JSONValue(parsing: trimmed))?.objectValue else {
                throw ExecutionError(kind: .config, message: "the cookies look like JSON but are not a JSON object of name → value")
            }
            pairs = object.map { ($0.key, $0.value.displayText) }
        } else {
            pairs = trimmed.split(separator: ";").compactMap { piece in
                let parts = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return parts.count == 2 && !parts[0].isEmpty ? (parts[0], parts[1]) : nil
            }
        }
        guard !pairs.isEmpty else {
            throw ExecutionError(kind: .config, message: "no cookies found: give them as 'JSESSIONID=…; atlassian.xsrf.token=…' or a JSON object")
        }
        let header = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
        guard !header.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw ExecutionError(kind: .config, message: "cookies cannot contain line breaks")
        }
        return header
    }
}
