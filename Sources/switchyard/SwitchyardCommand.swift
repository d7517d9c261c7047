import ArgumentParser
import Switchyard

/// The `switchyard` command: describe, execute and validate connector actions, or run the sandbox.
@main
struct SwitchyardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchyard",
        abstract: "Safe, fast access to SaaS REST APIs for LLM agents, driven by connector manifests.",
        discussion: """
            Try it with no account:  switchyard execute --sandbox jira issues search --params '{"jql":"project = DEMO"}'
            """,
        version: SwitchyardVersion.current,
        subcommands: [DescribeCommand.self, SearchCommand.self, ExecuteCommand.self, ServeCommand.self, AuthCommand.self, ValidateCommand.self, ImportCommand.self, ExportCommand.self, SandboxCommand.self, WebhooksCommand.self, DatabaseCommand.self]
    )

    /// `serve` is parsed as a command of its own: an agent's client spawns it for every session, and parsing
    /// it through the root first builds the arguments of every other subcommand. The options a client's
    /// config uses skip ArgumentParser altogether (`ServeCommand.fastParse`). Help and errors still read
    /// `switchyard serve`.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == ServeCommand.configuration.commandName {
            let serveArguments = Array(arguments.dropFirst())
            if let command = ServeCommand.fastParse(serveArguments) {
                do {
                    try await command.run()
                } catch {
                    ServeCommand.exit(withError: error)
                }
                return
            }
            await ServeCommand.main(serveArguments)
        } else {
            await main(arguments)
        }
    }
}
