import ArgumentParser
import Foundation
import Switchyard
import SwitchyardImport

/// `switchyard import`: generate a connector manifest from an API description.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Generate a connector manifest from an API description.",
        subcommands: [OpenAPI.self]
    )

    /// `switchyard import openapi SPEC -o MANIFEST.json`: an OpenAPI 3.0/3.1 document (JSON or YAML) → manifest.
    struct OpenAPI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Turn an OpenAPI 3.0 or 3.1 description (JSON or YAML) into a connector manifest.",
            discussion: """
                Every operation becomes an action (entity from its first tag, name from its operationId); the
                report says what became of each one. See docs/import.md.

                Examples:
                  switchyard import openapi petstore.yaml -o manifests/petstore.json
                  switchyard import openapi jira-platform-v3.json --name jira-imported --include Issues --include "Issue search" -o jira.json
                  switchyard import openapi api.json --overrides api.overrides.json --report report.json -o api.json
                """
        )

        @Argument(help: "The OpenAPI description: .json, .yaml or .yml.") var spec: String

        @Option(name: [.short, .customLong("output")], help: "Where to write the manifest (default: stdout).") var output: String?

        @Option(help: "Connector name, lowercase letters, digits and '-' (default: from info.title).") var name: String?

        @Option(name: .customLong("base-url"), help: "Base URL (default: servers[0].url).") var baseURL: String?

        @Option(name: .customLong("path-prefix"), help: "Prepended to every operation's path, e.g. /wiki/api/v2 when --base-url leaves it out.") var pathPrefix: String?

        @Option(help: "Import only operations with this tag, operationId or path glob (repeatable).") var include: [String] = []

        @Option(help: "Skip operations with this tag, operationId or path glob (repeatable).") var exclude: [String] = []

        @Option(help: "A JSON file of JSON pointer → value edits laid over the manifest.") var overrides: String?

        @Option(help: "Write the report here instead of stderr: JSON when the file ends in .json, else text.") var report: String?

        func run() async throws {
            var options = ImportOptions()
            options.name = name
            options.baseURL = baseURL
            if let pathPrefix { options.pathPrefix = pathPrefix }
            options.include = include
            options.exclude = exclude
            let result: OpenAPIImporter.Result
            do {
                if let overrides { options.overrides = try ManifestOverrides(file: overrides) }
                result = try OpenAPIImporter(options: options).importSpec(file: spec)
            } catch {
                StandardStreams.error("error: \(error)")
                throw ExitCode(1)
            }
            let text = result.manifest.serialized(pretty: true) + "\n"
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if let report {
                let body = report.hasSuffix(".json") ? result.report.json.serialized(pretty: true) + "\n" : result.report.text
                try body.write(toFile: report, atomically: true, encoding: .utf8)
            } else {
                StandardStreams.error(result.report.text)
            }
        }
    }
}
