import ArgumentParser
import Foundation
import Switchyard

/// `switchyard search`: which actions fit a request in plain words, best first.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the actions that fit a request in plain words, best first.",
        discussion: """
            Searches the bundled and user manifests (BM25F over ids, keywords, descriptions and params, with the
            manifests' synonyms). Each line: id, score, summary, required params.

            Examples:
              switchyard search "move DEMO-5 to done"
              switchyard search "who is watching DEMO-12" --connector jira --limit 3
              switchyard search "publish a blog post" --json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The request, e.g. \"log 2 hours on DEMO-7\".") var query: String

    @Option(help: "Search only this connector's actions.") var connector: String?

    @Option(help: "How many matches to show (1–\(ActionIndex.maximumLimit)).") var limit = 5

    @Flag(help: "Print a JSON array instead of text.")
    var json = false

    func run() async throws {
        let index = ActionIndex(catalog: try global.loadCatalogOrExit())
        do {
            let matches = try index.search(query, connector: connector, limit: limit)
            if json {
                StandardStreams.output(JSONValue.array(matches.map(\.json)).serialized(pretty: true))
            } else if matches.isEmpty {
                StandardStreams.output("No action matches \"\(query)\". Try other words, or: switchyard describe")
            } else {
                StandardStreams.output(matches.map(Self.line).joined(separator: "\n"))
            }
        } catch {
            StandardStreams.output(ResultEnvelope.failure(error, meta: [:]).json.serialized(pretty: true))
            throw ExitCode(1)
        }
    }

    /// `jira/issues/transition  7.41  Move an issue to another status…  (issue, transition_id)`
    static func line(_ match: ActionMatch) -> String {
        let required = match.requiredParams.isEmpty ? "no required params" : "requires " + match.requiredParams.joined(separator: ", ")
        return String(format: "%@  %.2f  %@  (%@)", match.id.description, match.score, match.summary, required)
    }
}
