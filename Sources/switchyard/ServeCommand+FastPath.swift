import Switchyard
import SwitchyardServer

/// `switchyard serve` as agents' clients spawn it, read without ArgumentParser.
///
/// A client spawns `serve` for every session and waits for its `initialize` reply. ArgumentParser builds its
/// view of serve's options by reflection and dynamic casts, and in a binary of this size each first cast
/// scans every protocol conformance: parsing alone took 9 of the 16 ms from spawn to that reply. This reads
/// the options a stdio client's config uses into the same ``ServeCommand`` ArgumentParser would make.
/// Anything else — help, `--http` and its options, a name it does not know, a single-value option given
/// twice, a value it cannot read — gives `nil`, and ArgumentParser parses the line and reports its errors.
///
/// ```swift
/// let command = ServeCommand.fastParse(["--sandbox", "--tools=search"])   // parsed
/// ServeCommand.fastParse(["--help"])                                       // nil: ArgumentParser's job
/// ```
extension ServeCommand {
    static func fastParse(_ arguments: [String]) -> ServeCommand? {
        var command = ServeCommand.defaults()
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument.count > 1, argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.dropFirst().allSatisfy({ $0 == "v" }) {
                command.global.verbose += argument.count - 1
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = FastOption.all[name] else { return nil }
            switch option {
            case .flag(let set):
                guard inlineValue == nil, !seen.contains(name) else { return nil }
                set(&command)
            case .counter(let add):
                guard inlineValue == nil else { return nil }
                add(&command)
            case .value(let repeatable, let set):
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.endIndex else { return nil }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty, !value.hasPrefix("-"), repeatable || !seen.contains(name), set(&command, value) else { return nil }
            }
            seen.insert(name)
        }
        return command
    }

    /// The command as ArgumentParser makes it from no arguments.
    static func defaults() -> ServeCommand {
        var command = ServeCommand()
        command.global = .defaults()
        command.safety = .defaults()
        command.remote = .defaults()
        command.sandbox = false
        command.connectors = nil
        command.tools = .actions
        command.schemaDialect = .mcp
        command.state = nil
        command.toolsets = nil
        command.toolsInclude = []
        command.toolsExclude = []
        return command
    }
}

/// One option `fastParse` reads, by its long name.
private enum FastOption: Sendable {
    case flag(@Sendable (inout ServeCommand) -> Void)
    case counter(@Sendable (inout ServeCommand) -> Void)
    /// Sets the value; `false` when it cannot be read (ArgumentParser then says why).
    case value(repeatable: Bool, @Sendable (inout ServeCommand, String) -> Bool)

    static let all: [String: FastOption] = [
        "sandbox": .flag { $0.sandbox = true },
        "connectors": .value(repeatable: false) { $0.connectors = $1; return true },
        "tools": .value(repeatable: false) { command, value in
            guard let mode = ToolMode(rawValue: value) else { return false }
            command.tools = mode
            return true
        },
        "schema-dialect": .value(repeatable: false) { command, value in
            guard let dialect = SchemaDialect(rawValue: value) else { return false }
            command.schemaDialect = dialect
            return true
        },
        "state": .value(repeatable: false) { $0.state = $1; return true },
        "toolsets": .value(repeatable: false) { $0.toolsets = $1; return true },
        "tools-include": .value(repeatable: true) { $0.toolsInclude.append($1); return true },
        "tools-exclude": .value(repeatable: true) { $0.toolsExclude.append($1); return true },
        "manifests": .value(repeatable: true) { $0.global.manifestDirectories.append($1); return true },
        "config": .value(repeatable: false) { $0.global.config = $1; return true },
        "credentials": .value(repeatable: false) { $0.global.credentials = $1; return true },
        "catalog": .value(repeatable: false) { command, value in
            guard let level = CatalogLevel(rawValue: value) else { return false }
            command.global.catalog = level
            return true
        },
        "verbose": .counter { $0.global.verbose += 1 },
        "ca-file": .value(repeatable: false) { $0.global.caFile = $1; return true },
        "client-cert": .value(repeatable: false) { $0.global.clientCertificate = $1; return true },
        "client-key": .value(repeatable: false) { $0.global.clientKey = $1; return true },
        "insecure": .flag { $0.global.insecure = true },
        "read-only": .flag { $0.safety.readOnly = true },
        "confirm-destructive": .flag { $0.safety.confirmDestructive = true },
        "audit": .value(repeatable: false) { $0.safety.audit = $1; return true },
    ]
}
