import ArgumentParser
import Foundation
import Logging
import Switchyard

extension CatalogLevel: ExpressibleByArgument {}

/// Options every command shares: where manifests, config and credentials come from, and logging.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("manifests"), help: ArgumentHelp("A directory (or file) of extra connector manifests; repeatable.", valueName: "DIR"))
    var manifestDirectories: [String] = []

    @Option(help: ArgumentHelp("A JSON file of non-secret settings per connector, e.g. {\"jira\": {\"subdomain\": \"acme\"}}.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("A JSON file of credentials per connector (mode 0600).", valueName: "FILE"))
    var credentials: String?

    @Option(help: ArgumentHelp("'curated' (the hand-written actions) or 'extended' (also every other operation of the vendor's API, generated from its OpenAPI description; also SWITCHYARD_CATALOG).", valueName: "LEVEL"))
    var catalog: CatalogLevel?

    @Flag(name: [.short, .long], help: "Log to stderr (repeat for more detail: -vv).")
    var verbose: Int

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("A PEM bundle of CA certificates to trust instead of the system's, for every connector (per connector: JIRA_CA_BUNDLE, CONFLUENCE_CA_BUNDLE).", valueName: "FILE"))
    var caFile: String?

    @Option(name: .customLong("client-cert"), help: ArgumentHelp("A PEM client certificate for servers that require mutual TLS (per connector: JIRA_CLIENT_CERT, …).", valueName: "FILE"))
    var clientCertificate: String?

    @Option(name: .customLong("client-key"), help: ArgumentHelp("The client certificate's unencrypted PEM private key (per connector: JIRA_CLIENT_KEY, …).", valueName: "FILE"))
    var clientKey: String?

    @Flag(help: "Do not verify TLS certificates (per connector: JIRA_SSL_VERIFY=false, …). Unsafe: warns on stderr at every start.")
    var insecure = false

    /// The process's environment, read once: each read of `ProcessInfo`'s copies every variable.
    var environment: [String: String] { Self.processEnvironment }
    private static let processEnvironment = readEnvironment()

    /// `environ` split at each variable's first `=`, byte-wise; where there is no `environ`, `ProcessInfo`'s
    /// copy. `ProcessInfo` splits by Character and set itself up first: 0.3 ms of every start.
    private static func readEnvironment() -> [String: String] {
        #if canImport(Glibc)
        var variables: [String: String] = [:]
        var entry = environ
        while let variable = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: variable, count: strlen(variable))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals > 0 {
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                if variables[name] == nil { variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self) }
            }
            entry += 1
        }
        return variables
        #else
        return ProcessInfo.processInfo.environment
        #endif
    }

    /// The options as ArgumentParser makes them from no arguments (see `ServeCommand.fastParse`).
    static func defaults() -> GlobalOptions {
        var options = GlobalOptions()
        options.manifestDirectories = []
        options.config = nil
        options.credentials = nil
        options.catalog = nil
        options.verbose = 0
        options.caFile = nil
        options.clientCertificate = nil
        options.clientKey = nil
        options.insecure = false
        return options
    }

    /// The directories to load, in order: bundled, then `SWITCHYARD_MANIFESTS`, then `--manifests`.
    var allManifestDirectories: [String] {
        manifestDirectories(bundled: BundledManifests.directory(environment: environment))
    }

    private func manifestDirectories(bundled: String?) -> [String] {
        var directories: [String] = []
        if let bundled { directories.append(bundled) }
        if let extra = environment["SWITCHYARD_MANIFESTS"] {
            directories += extra.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return directories + manifestDirectories
    }

    func makeLogger() -> Logger {
        let level: Logger.Level = switch verbose {
        case 0: .warning
        case 1: .info
        default: .debug
        }
        var logger = Logger(label: "switchyard") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = level
        return logger
    }

    /// Loads the catalog, reporting broken manifests on stderr and skipping them.
    /// `--catalog`, else `SWITCHYARD_CATALOG`, else curated.
    func catalogLevel() throws(ExecutionError) -> CatalogLevel {
        if let catalog { return catalog }
        guard let value = environment["SWITCHYARD_CATALOG"], !value.isEmpty else { return .curated }
        guard let level = CatalogLevel(rawValue: value) else {
            throw ExecutionError(kind: .config, message: "SWITCHYARD_CATALOG is '\(value)'; use one of: \(CatalogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    /// With `bundledOnFirstUse`, the bundled manifests (which CI checks) decode their actions when first
    /// read: a server then decodes only the connectors it uses, and only when it needs their actions.
    func loadCatalog(bundledOnFirstUse: Bool = false) throws(ExecutionError) -> ConnectorCatalog {
        let bundled = BundledManifests.directory(environment: environment)
        var decoding: [String: ManifestDecoding] = [:]
        if bundledOnFirstUse, let bundled {
            decoding[bundled] = .onFirstUse { problems in
                for problem in problems { StandardStreams.error("switchyard: bundled manifest: \(problem)") }
            }
        }
        let catalog = ConnectorCatalog.load(directories: manifestDirectories(bundled: bundled), level: try catalogLevel(), decoding: decoding)
        for problem in catalog.problems {
            StandardStreams.error("switchyard: skipped manifest: \(problem)")
        }
        return catalog
    }
    /// ``loadCatalog()`` for a command's `run`: a bad catalog level is told on stderr and exits 1.
    func loadCatalogOrExit() throws -> ConnectorCatalog {
        do {
            return try loadCatalog()
        } catch {
            StandardStreams.error("switchyard: \(error.message)")
            throw ExitCode(1)
        }
    }


    /// Where credentials are kept and rotated tokens written: `--credentials FILE`, else the default store.
    var credentialStore: CredentialStore {
        CredentialStore(path: credentials ?? CredentialStore.defaultPath(environment: environment))
    }

    /// Settings from `--config`, `--credentials`, the environment and the default credential store, in
    /// that order of precedence for credentials: file, then environment, then store.
    func makeSettings() throws(ExecutionError) -> RuntimeSettings {
        var settings = RuntimeSettings(environment: environment)
        if let config { settings.config = try SettingsFile.loadConfig(path: config) }
        if let credentials {
            settings.credentials = try SettingsFile.loadCredentials(path: credentials)
        } else {
            settings.storedCredentials = try credentialStore.load()
        }
        settings.credentialStorePath = credentialStore.path
        settings.transport = TransportOptions(caFile: caFile, clientCertificateFile: clientCertificate, clientKeyFile: clientKey, insecure: insecure)
        return settings
    }

    /// Warns on stderr, never stdout (it carries the protocol in `serve`), for each way TLS verification is off.
    func warnAboutInsecureTransport(_ manifests: [ConnectorManifest], settings: RuntimeSettings) {
        for warning in TransportSecurityResolver.insecureWarnings(for: manifests, settings: settings) {
            StandardStreams.error("switchyard: \(warning)")
        }
    }
}
