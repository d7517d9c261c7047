import ArgumentParser
import Foundation
import Switchyard

/// Options that keep an agent from doing harm: read-only mode, confirmation of destructive actions, and
/// an audit log. `execute` and `serve` share them.
struct SafetyOptions: ParsableArguments {
    @Flag(help: "Expose and execute only actions marked read-only (also per connector: \"read_only\": true in --config).")
    var readOnly = false

    @Flag(help: "Run destructive actions only with the 'confirmation' token their dry run returns.")
    var confirmDestructive = false

    @Option(help: ArgumentHelp("Append one redacted JSON line per execute to this file.", valueName: "FILE"))
    var audit: String?

    /// The options as ArgumentParser makes them from no arguments (see `ServeCommand.fastParse`).
    static func defaults() -> SafetyOptions {
        var options = SafetyOptions()
        options.readOnly = false
        options.confirmDestructive = false
        options.audit = nil
        return options
    }

    /// The exposure policy these options and the config file's per-connector `read_only` settings give.
    func policy(connectors: Set<String>?, config: [String: JSONObject]) -> ExposurePolicy {
        let readOnlyConnectors = Set(config.filter { $0.value["read_only"] == true }.keys)
        return ExposurePolicy(connectors: connectors, readOnly: readOnly, readOnlyConnectors: readOnlyConnectors)
    }

    func makeAuditLog() throws(ExecutionError) -> AuditLog? {
        try audit.map { path throws(ExecutionError) in try AuditLog(path: path) }
    }

    /// Confirmation tokens whose key is shared across processes, so a dry run and its confirmed call can be
    /// separate commands.
    func confirmationTokens(environment: [String: String]) -> ConfirmationTokens {
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        let directory = environment["XDG_CONFIG_HOME"].map { "\($0)/switchyard" } ?? "\(home)/.config/switchyard"
        return ConfirmationTokens.persistent(environment: environment, directory: directory)
    }
}
