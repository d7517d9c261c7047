import ArgumentParser
import Switchyard

/// `switchyard describe`: what connectors, entities and actions exist, down to param schemas.
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "List connectors, their entities and actions, and action param schemas.",
        discussion: """
            Examples:
              switchyard describe                      every connector and its actions
              switchyard describe jira issues search   one action with its params
              switchyard describe --json               everything, with full param schemas, as JSON
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Connector to describe.") var connector: String?
    @Argument(help: "Entity to describe.") var entity: String?
    @Argument(help: "Action to describe.") var action: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(name: .customLong("schema-dialect"), help: ArgumentHelp("Show params in this JSON Schema dialect: mcp, openai-strict or gemini.", valueName: "DIALECT"))
    var schemaDialect: SchemaDialect = .mcp

    func run() async throws {
        var catalog = try global.loadCatalogOrExit()
        // The flavour of a configured site that does not fit it is off, and listed with the reason.
        if let settings = try? global.makeSettings() {
            let probe = SwitchyardRuntime(catalog: catalog, settings: settings)
            catalog = probe.choosingFlavours(of: catalog)
            try? await probe.shutdown()
        }
        do {
            let description = try CatalogDescription.describe(catalog, connector: connector, entity: entity, action: action, dialect: schemaDialect)
            StandardStreams.output(json ? description.serialized(pretty: true) : DescriptionText.render(description, level: level))
        } catch {
            StandardStreams.output(ResultEnvelope.failure(error, meta: [:]).json.serialized(pretty: true))
            throw ExitCode(1)
        }
    }

    private var level: DescriptionText.Level {
        if action != nil { return .action }
        if entity != nil { return .entity }
        return connector == nil ? .catalog : .connector
    }
}
