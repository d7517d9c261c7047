import ArgumentParser
import Foundation
import Switchyard

/// `switchyard export`: every record a query selects, as JSON lines of documents.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records as JSON lines of documents (id, source, url, title, text as Markdown, metadata, created, updated).",
        discussion: """
            Examples:
              switchyard export jira --jql 'project = DEMO' -o demo.jsonl
              switchyard export confluence --space-key ENG --label runbook
              switchyard export confluence --page-ids 65601,65602
              switchyard export jira --jql 'project = DEMO' -o demo.jsonl --state demo.state.json
                (killed or failed: run it again to continue; finished: run it again for what changed since,
                 and a tombstone line {"id":…,"source":…,"deleted":true} for each record deleted since)
            Selectors are the entity's (see its manifest's export section); several are combined with AND.
            Progress goes to stderr: a bar on a terminal, or JSON lines with --progress json.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var safety: SafetyOptions

    @Argument(help: "Connector name, e.g. jira, jira-datacenter, confluence.") var connector: String
    @Argument(help: "Entity to export; by default the connector's only exporting entity.") var entity: String?

    @Option(help: ArgumentHelp("A JQL query (Jira).", valueName: "JQL")) var jql: String?
    @Option(help: ArgumentHelp("A CQL query (Confluence).", valueName: "CQL")) var cql: String?
    @Option(name: .customLong("space-key"), help: ArgumentHelp("A space key (Confluence).", valueName: "KEY")) var spaceKey: String?
    @Option(help: ArgumentHelp("A label (Confluence).", valueName: "LABEL")) var label: String?
    @Option(name: .customLong("page-ids"), help: ArgumentHelp("Page ids separated by commas (Confluence).", valueName: "IDS")) var pageIDs: String?
    @Option(name: .customLong("select"), help: ArgumentHelp("Any selector of the entity's export section; repeatable.", valueName: "NAME=VALUE"))
    var selections: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the documents to FILE instead of stdout.", valueName: "FILE"))
    var output: String?
    @Option(help: ArgumentHelp("Checkpoint after every page to FILE; a re-run continues an unfinished export, or exports what changed since a finished one.", valueName: "FILE"))
    var state: String?
    @Option(help: ArgumentHelp("Only records updated at or after this time: 2025-06-02, '2025-06-02 09:30' (UTC) or ISO 8601.", valueName: "TIME"))
    var since: String?
    @Flag(help: "Fold each record's comments into its text.") var comments = false
    @Flag(help: "List each record's attachments.") var attachments = false
    @Option(help: ArgumentHelp("Progress on stderr: auto (a bar when stderr is a terminal), bar, json or none.", valueName: "STYLE"))
    var progress: ExportProgressReporter.Style = .auto

    @Flag(help: "Run against a built-in Atlassian sandbox started in-process (no account needed).")
    var sandbox = false

    /// The selectors given, by their manifest names, in the order of the flags.
    var selectors: [(name: String, value: String)] {
        get throws {
            var chosen: [(String, String)] = []
            for (name, value) in [("jql", jql), ("cql", cql), ("space_key", spaceKey), ("label", label), ("page_ids", pageIDs)] {
                if let value { chosen.append((name, value)) }
            }
            for selection in selections {
                guard let equals = selection.firstIndex(of: "="), equals != selection.startIndex else {
                    throw ValidationError("--select takes NAME=VALUE, e.g. --select space_key=ENG; got '\(selection)'")
                }
                chosen.append((String(selection[..<equals]), String(selection[selection.index(after: equals)...])))
            }
            return chosen
        }
    }

    func validate() throws {
        _ = try selectors
        if let since, ExportTimestamp.parseUserText(since) == nil {
            throw ValidationError("--since '\(since)' is not a time; use 2025-06-02, '2025-06-02 09:30' (UTC) or an ISO 8601 timestamp")
        }
    }

    func run() async throws {
        let logger = global.makeLogger()
        let session: RuntimeSession
        do {
            session = try await RuntimeSession.start(global: global, safety: safety, sandbox: sandbox, logger: logger)
        } catch {
            fail(error.message)
        }
        do throws(ExecutionError) {
            try await export(with: session.runtime)
        } catch {
            await session.stop()
            fail(Self.flagWording(error))
        }
        await session.stop()
    }

    private func export(with runtime: SwitchyardRuntime) async throws(ExecutionError) {
        let stateFile = state.map(ExportStateFile.init(path:))
        let saved = try stateFile?.load()
        let request = ExportRequest(
            connector: connector, entity: entity, selectors: (try? selectors) ?? [], since: since.flatMap(ExportTimestamp.parseUserText),
            comments: comments, attachments: attachments, checkpoint: saved?.checkpoint, tracksDeletions: state != nil
        )
        let run = try runtime.export(request)
        let resuming = saved.map { !$0.checkpoint.finished } ?? false
        let sink = try ExportSink(path: output, keepingBytes: resuming ? saved?.outputBytes : nil)
        var reporter = ExportProgressReporter(style: progress, startingDocuments: run.start.documents)
        let last = try await ExportWriter(sink: sink, stateFile: stateFile, output: output).write(run) { reporter.report($0, finished: false) }
        reporter.report(last ?? ExportProgress(pages: 0, documents: run.start.documents, total: nil), finished: true)
    }

    /// The library names selectors as in the manifest; on the command line they are flags.
    private static func flagWording(_ error: ExecutionError) -> String {
        guard let names = error.details["selectors"]?.arrayValue?.compactMap(\.stringValue) else { return error.message }
        let flags = names.map(flag)
        var message = error.message
        if let selector = error.details["selector"]?.stringValue {
            message = message.replacingOccurrences(of: "'\(selector)'", with: flag(selector))
        }
        return message.replacingOccurrences(of: names.joined(separator: ", "), with: flags.joined(separator: ", "))
    }

    private static func flag(_ selector: String) -> String {
        let known = ["jql", "cql", "space_key", "label", "page_ids"]
        return known.contains(selector) ? "--" + selector.replacingOccurrences(of: "_", with: "-") : "--select \(selector)=…"
    }

    private func fail(_ message: String) -> Never {
        StandardStreams.error("switchyard export: \(message)")
        Foundation.exit(1)
    }
}
