import ArgumentParser

/// The `switchyard` command: describe, execute and validate connector actions, or run the sandbox.
@main
struct SwitchyardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchyard",
        abstract: "Safe, fast access to SaaS REST APIs for LLM agents, driven by connector manifests.",
        discussion: """
            Try it with no account:  switchyard execute --sandbox jira issues search --params '{"jql":"project = DEMO"}'
            """,
        subcommands: [DescribeCommand.self, SearchCommand.self, ExecuteCommand.self, ServeCommand.self, AuthCommand.self, ValidateCommand.self, ImportCommand.self, SandboxCommand.self]
    )
}
