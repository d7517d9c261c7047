import ArgumentParser
import Foundation
import Switchyard

/// `switchyard auth`: log in, check and forget credentials.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Log in to a connector, show which credentials are configured (masked) and test them, or forget them.",
        subcommands: [AuthStatusCommand.self, AuthLoginCommand.self, AuthLogoutCommand.self]
    )
}

/// `switchyard auth status [CONNECTOR]`
struct AuthStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each connector's auth method and where its credentials come from (never their values), and test them with a cheap call."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this connector.") var connector: String?
    @Flag(help: "Do not make the test call.") var noCheck = false

    func run() async throws {
        let settings: RuntimeSettings
        do {
            settings = try global.makeSettings()
        } catch {
            StandardStreams.error("switchyard auth status: \(error.message)")
            throw ExitCode(1)
        }
        let catalog = try global.loadCatalogOrExit()
        global.warnAboutInsecureTransport(catalog.connectors, settings: settings)
        let runtime = SwitchyardRuntime(catalog: catalog, settings: settings, logger: global.makeLogger())
        var failed = false
        let stored = (try? global.credentialStore.load()) ?? [:]
        for manifest in catalog.connectors where connector == nil || manifest.name == connector {
            var line = "\(manifest.name): "
            do {
                let connection = try runtime.connection(for: manifest)
                line += "method \(connection.schemeID ?? "none") — \(connection.credential) — \(connection.baseURL)"
                if connection.security.tls != .system { line += "\n  tls: \(connection.security.tls)" }
                if !noCheck, let check = manifest.auth.check {
                    let envelope = await runtime.execute(ExecuteRequest(connector: manifest.name, entity: check.entity, action: check.action, params: ["fields": ["*"]]))
                    if let error = envelope.error {
                        failed = true
                        line += "\n  check \(check.entity) \(check.action): FAILED — \(error.kind.rawValue): \(error.message)"
                    } else {
                        let who = envelope.result?.data["displayName"]?.stringValue ?? envelope.result?.data["name"]?.stringValue
                        line += "\n  check \(check.entity) \(check.action): ok" + (who.map { " (signed in as \($0))" } ?? "")
                    }
                }
                line += Self.scopeReport(manifest, granted: stored[manifest.name]?["scope"], method: stored[manifest.name]?["method"])
            } catch {
                failed = true
                line += "not configured — \(error.message)"
            }
            StandardStreams.output(line)
        }
        try? await runtime.shutdown()
        if failed { throw ExitCode(1) }
    }
}

extension AuthStatusCommand {
    /// For a stored OAuth 2.0 login that recorded what it was granted: the scopes, and the actions that need
    /// one the token lacks, grouped by the missing scope.
    static func scopeReport(_ manifest: ConnectorManifest, granted: String?, method: String?) -> String {
        guard let granted else { return "" }
        let have = Set(granted.split(separator: " ").map(String.init))
        var lacking: [String: [String]] = [:]
        for entity in manifest.entities {
            for action in entity.actions {
                for scope in action.scopes where !have.contains(scope) {
                    lacking[scope, default: []].append("\(entity.name) \(action.name)")
                }
            }
        }
        var report = "\n  scopes granted: \(have.sorted().joined(separator: " "))"
        for (scope, actions) in lacking.sorted(by: { $0.key < $1.key }) {
            report += "\n  missing \(scope), needed by: \(actions.joined(separator: ", "))"
        }
        if !lacking.isEmpty { report += "\n  grant them with: switchyard auth login \(manifest.name) --method \(method ?? "oauth2")" }
        return report
    }
}

/// `switchyard auth logout CONNECTOR`
struct AuthLogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Forget a connector's stored credentials.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The connector.") var connector: String

    func run() async throws {
        let store = global.credentialStore
        do {
            try store.remove(connector: connector)
            StandardStreams.output("forgot the stored credentials of '\(connector)' in \(store.path)")
        } catch {
            StandardStreams.error("switchyard auth logout: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// `switchyard auth login CONNECTOR --method oauth2|oauth1`
struct AuthLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in with OAuth 2.0 (Atlassian 3LO) or OAuth 1.0a (Server/Data Center application link) and store the tokens.",
        discussion: """
            Opens nothing by itself: it prints the approval URL, then waits for the browser's redirect on a
            one-shot listener at http://127.0.0.1:PORT/callback (register that redirect URI with your app), or,
            with --paste, for you to paste the URL you were redirected to (OAuth 1.0a: the verifier code).
            OAuth 2.0 takes the client id and secret from --client-id/--client-secret or the connector's env
            variables (e.g. JIRA_CLIENT_ID, JIRA_CLIENT_SECRET); OAuth 1.0a takes --consumer-key and
            --private-key (a PEM file) or JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_PATH.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The connector, e.g. jira.") var connector: String
    @Option(help: "The auth method (an oauth2 scheme of the connector).") var method = "oauth2"
    @Option(help: "OAuth client id.") var clientID: String?
    @Option(help: "OAuth client secret.") var clientSecret: String?
    @Option(help: "Scopes, space-separated (default: those the enabled actions declare, else the manifest's; offline_access is always added).") var scopes: String?
    @Flag(help: "Ask only for the scopes of read-only actions.") var readOnly = false
    @Option(help: ArgumentHelp("Ask only for the scopes of these toolsets' actions, e.g. jira:default,jira:agile (also SWITCHYARD_TOOLSETS).", valueName: "LIST"))
    var toolsets: String?
    @Option(name: .customLong("tools-include"), help: ArgumentHelp("Also the actions whose tool names match these patterns (comma-separated, repeatable).", valueName: "GLOB"))
    var toolsInclude: [String] = []
    @Option(name: .customLong("tools-exclude"), help: ArgumentHelp("Not the actions whose tool names match these patterns (comma-separated, repeatable).", valueName: "GLOB"))
    var toolsExclude: [String] = []
    @Option(help: "Port of the loopback redirect listener.") var port = 8765
    @Flag(help: "Paste the redirect URL instead of running a listener.") var paste = false
    @Option(help: "Site to use when the login reaches several (name, URL or cloud id).") var site: String?
    @Option(help: "OAuth 1.0a consumer key.") var consumerKey: String?
    @Option(help: "OAuth 1.0a RSA private key (a PEM file).") var privateKey: String?

    func run() async throws {
        do {
            try await login()
        } catch {
            StandardStreams.error("switchyard auth login: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// The union of the scopes the enabled actions declare (least privilege), or `nil` when none declares any,
    /// so the manifest's list applies. Every action is enabled unless `--read-only`, toolsets or patterns narrow it.
    private func enabledScopes(of manifest: ConnectorManifest, settings: RuntimeSettings) throws(ExecutionError) -> [String]? {
        let selection = try ToolSelection.resolve(
            toolsets: toolsets, include: toolsInclude, exclude: toolsExclude, environment: settings.environment, configFile: global.config
        )
        let catalog = try ConnectorCatalog(connectors: [manifest])
            .restricted(by: ExposurePolicy(readOnly: readOnly))
            .selecting(selection, defaultToolsets: false)
        let actions = catalog.connectors.flatMap { $0.entities.flatMap(\.actions) }
        let scopes = Set(actions.flatMap(\.scopes))
        return scopes.isEmpty ? nil : scopes.sorted()
    }

    private func login() async throws(ExecutionError) {
        let settings = try global.makeSettings()
        let manifest = try global.loadCatalog().requireConnector(connector)
        guard let scheme = manifest.auth.scheme(method) else {
            throw ExecutionError(kind: .config, message: "connector '\(connector)' has no auth method '\(method)'")
        }
        if case .oauth1 = scheme.kind {
            try await loginOAuth1(manifest: manifest, scheme: scheme, settings: settings)
            return
        }
        let prefix = manifest.name.uppercased().replacingOccurrences(of: "-", with: "_")
        let id = clientID ?? field("client_id", of: scheme, settings: settings) ?? settings.environment["\(prefix)_CLIENT_ID"]
        let secret = clientSecret ?? field("client_secret", of: scheme, settings: settings) ?? settings.environment["\(prefix)_CLIENT_SECRET"]
        guard let id, let secret else {
            throw ExecutionError(kind: .config, message: "give the OAuth app's client id and secret: --client-id/--client-secret or \(prefix)_CLIENT_ID/\(prefix)_CLIENT_SECRET")
        }
        global.warnAboutInsecureTransport([manifest], settings: settings)
        let transport = HTTPTransport(proxies: ProxySettings(environment: settings.environment))
        defer { Task { try? await transport.shutdown() } }
        let wanted: [String]?
        if let scopes {
            wanted = scopes.split(separator: " ").map(String.init)
        } else {
            wanted = try enabledScopes(of: manifest, settings: settings)
        }
        let login = try OAuth2Login(
            manifest: manifest, schemeID: method, clientID: id, clientSecret: secret, settings: settings, transport: transport, scopes: wanted
        )
        let query: [String: String]
        let redirectURI: String
        if paste {
            redirectURI = "http://127.0.0.1:\(port)/callback"
            StandardStreams.error("Open this URL, approve, then paste the URL your browser was sent to:\n\(login.authorizeURL(redirectURI: redirectURI))")
            guard let line = readLine(), let components = URLComponents(string: line.trimmingCharacters(in: .whitespaces)) else {
                throw ExecutionError(kind: .validation, message: "no redirect URL was pasted")
            }
            query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        } else {
            let listener: LoopbackRedirectListener
            do {
                listener = try await LoopbackRedirectListener.start(port: port)
            } catch {
                throw ExecutionError(kind: .config, message: "cannot listen on 127.0.0.1:\(port) for the redirect (\(error)); try --port or --paste")
            }
            redirectURI = listener.redirectURI
            StandardStreams.error("Open this URL in a browser and approve access:\n\(login.authorizeURL(redirectURI: redirectURI))\nWaiting for the redirect to \(redirectURI) …")
            let received = await listener.waitForCallback()
            await listener.close()
            guard let received else { throw ExecutionError(kind: .auth, message: "no redirect arrived") }
            query = received
        }
        if let error = query["error"] {
            throw ExecutionError(kind: .auth, message: "the authorization was refused: \(error) \(query["error_description"] ?? "")", retryable: false)
        }
        guard let code = query["code"] else { throw ExecutionError(kind: .auth, message: "the redirect carried no authorization code") }
        let (grant, sites) = try await login.complete(code: code, state: query["state"] ?? "", redirectURI: redirectURI)
        let chosen = try choose(from: sites)
        let store = global.credentialStore
        try login.store(grant, site: chosen, in: store)
        StandardStreams.output("logged in to '\(connector)'\(chosen.map { " — site \($0.name) (\($0.url), cloud id \($0.id))" } ?? ""); tokens stored in \(store.path)")
    }

    /// The OAuth 1.0a dance: request token → approval → verifier → access token, then store.
    private func loginOAuth1(manifest: ConnectorManifest, scheme: AuthScheme, settings: RuntimeSettings) async throws(ExecutionError) {
        guard let key = consumerKey ?? field("consumer_key", of: scheme, settings: settings),
              let keyPath = privateKey ?? field("private_key", of: scheme, settings: settings) else {
            throw ExecutionError(kind: .config, message: "give the application link's consumer key and private key: --consumer-key and --private-key (or the connector's env variables)")
        }
        let path = (keyPath as NSString).expandingTildeInPath
        guard let pem = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw ExecutionError(kind: .config, message: "cannot read the private key file \(keyPath)")
        }
        global.warnAboutInsecureTransport([manifest], settings: settings)
        let transport = HTTPTransport(proxies: ProxySettings(environment: settings.environment))
        defer { Task { try? await transport.shutdown() } }
        let login = try OAuth1Login(manifest: manifest, schemeID: method, consumerKey: key, privateKeyPEM: pem, settings: settings, transport: transport)
        let verifier: String
        let requestToken: String
        if paste {
            requestToken = try await login.requestToken(callback: "oob")
            StandardStreams.error("Open this URL, approve, then paste the verification code it shows:\n\(login.authorizeURL(requestToken: requestToken))")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else {
                throw ExecutionError(kind: .validation, message: "no verification code was pasted")
            }
            verifier = line
        } else {
            let listener: LoopbackRedirectListener
            do {
                listener = try await LoopbackRedirectListener.start(port: port)
            } catch {
                throw ExecutionError(kind: .config, message: "cannot listen on 127.0.0.1:\(port) for the callback (\(error)); try --port or --paste")
            }
            requestToken = try await login.requestToken(callback: listener.redirectURI)
            StandardStreams.error("Open this URL in a browser and approve access:\n\(login.authorizeURL(requestToken: requestToken))\nWaiting for the callback to \(listener.redirectURI) …")
            let query = await listener.waitForCallback()
            await listener.close()
            guard let received = query?["oauth_verifier"] else {
                throw ExecutionError(kind: .auth, message: "the callback carried no oauth_verifier: access was not approved", retryable: false)
            }
            verifier = received
        }
        let accessToken = try await login.accessToken(requestToken: requestToken, verifier: verifier)
        let store = global.credentialStore
        try login.store(accessToken: accessToken, consumerKey: key, privateKeyPath: path, in: store)
        StandardStreams.output("logged in to '\(connector)' with OAuth 1.0a; token stored in \(store.path)")
    }

    private func field(_ name: String, of scheme: AuthScheme, settings: RuntimeSettings) -> String? {
        guard let field = scheme.fields.first(where: { $0.name == name }) else { return nil }
        return settings.credentials[connector]?[name] ?? field.environment.lazy.compactMap { settings.environment[$0] }.first
    }

    private func choose(from sites: [OAuth2Login.Site]) throws(ExecutionError) -> OAuth2Login.Site? {
        guard sites.count > 1 else { return sites.first }
        if let site, let match = sites.first(where: { $0.id == site || $0.name == site || $0.url == site }) { return match }
        if isatty(STDIN_FILENO) != 0 {
            StandardStreams.error("This login reaches several sites:")
            for (index, site) in sites.enumerated() { StandardStreams.error("  \(index + 1). \(site.name)  \(site.url)") }
            StandardStreams.error("Pick one (1–\(sites.count)):")
            if let line = readLine(), let number = Int(line.trimmingCharacters(in: .whitespaces)), sites.indices.contains(number - 1) {
                return sites[number - 1]
            }
        }
        throw ExecutionError(kind: .validation, message: "this login reaches several sites; choose one with --site: \(sites.map { "\($0.name) (\($0.url))" }.joined(separator: ", "))")
    }
}
