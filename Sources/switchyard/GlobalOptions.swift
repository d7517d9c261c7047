import ArgumentParser
import Foundation
import Logging
import Switchyard

/// Options every command shares: where manifests, config and credentials come from, and logging.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("manifests"), help: ArgumentHelp("A directory (or file) of extra connector manifests; repeatable.", valueName: "DIR"))
    var manifestDirectories: [String] = []

    @Option(help: ArgumentHelp("A JSON file of non-secret settings per connector, e.g. {\"jira\": {\"subdomain\": \"acme\"}}.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("A JSON file of credentials per connector (mode 0600).", valueName: "FILE"))
    var credentials: String?

    @Flag(name: [.short, .long], help: "Log to stderr (repeat for more detail: -vv).")
    var verbose: Int

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The directories to load, in order: bundled, then `SWITCHYARD_MANIFESTS`, then `--manifests`.
    var allManifestDirectories: [String] {
        var directories: [String] = []
        if let bundled = BundledManifests.directory(environment: environment) { directories.append(bundled) }
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
    func loadCatalog() -> ConnectorCatalog {
        let catalog = ConnectorCatalog.load(directories: allManifestDirectories)
        for problem in catalog.problems {
            StandardStreams.error("switchyard: skipped manifest: \(problem)")
        }
        return catalog
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
        return settings
    }
}
