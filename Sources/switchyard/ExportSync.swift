import Foundation
import Switchyard

/// Keeps an exported corpus fresh from webhook events (`webhooks listen --sync STATE`): an event about an
/// issue or a page starts an incremental run of the export the state file describes, which appends the
/// records changed since its high-water mark, and tombstones for the deleted ones when the state keeps ids,
/// to the export's output file. Events that arrive during a run are folded into one more run after it, so
/// a burst of deliveries costs two runs, not one per delivery.
///
/// ```swift
/// let sync = try ExportSync(runtime: runtime, statePath: "demo.state.json", output: nil)
/// await sync.touched()      // from each event
/// await sync.finish()       // before the runtime stops
/// ```
actor ExportSync {
    private let runtime: SwitchyardRuntime
    private let stateFile: ExportStateFile
    private let output: String
    private var pending = false
    private var draining: Task<Void, Never>?

    /// Checks the state file now, so a listener never starts with a sync that cannot run: it must exist,
    /// name its selectors, and have an output file (its own, or `output`).
    init(runtime: SwitchyardRuntime, statePath: String, output: String?) throws(ExecutionError) {
        stateFile = ExportStateFile(path: statePath)
        guard let saved = try stateFile.load() else {
            throw ExecutionError(kind: .config, message: "--sync: there is no state file \(statePath); run `switchyard export … -o FILE --state \(statePath)` first")
        }
        if saved.checkpoint.selectors.isEmpty {
            throw ExecutionError(
                kind: .config,
                message: "--sync: the state file \(statePath) does not record the export's selectors (it predates them); run the export with --state once more"
            )
        }
        guard let path = output ?? saved.output else {
            throw ExecutionError(kind: .config, message: "--sync: the export of \(statePath) wrote to stdout; give the file to append to with --sync-output")
        }
        _ = try runtime.export(Self.request(saved.checkpoint))
        self.runtime = runtime
        self.output = path
    }

    /// Notes that a record changed: starts a run, or one more after the current one.
    func touched() {
        pending = true
        guard draining == nil else { return }
        draining = Task { await drain() }
    }

    /// Waits for the runs asked for so far.
    func finish() async {
        await draining?.value
    }

    private func drain() async {
        while pending {
            pending = false
            do {
                try await runOnce()
            } catch {
                StandardStreams.error("webhook sync of \(stateFile.path) failed: \(error.message); the next event tries again")
            }
        }
        draining = nil
    }

    private func runOnce() async throws(ExecutionError) {
        guard let saved = try stateFile.load() else {
            throw ExecutionError(kind: .config, message: "the state file \(stateFile.path) is gone")
        }
        let run = try runtime.export(Self.request(saved.checkpoint))
        // A finished export is extended at the end of its file; an interrupted one is cut back to its checkpoint.
        let size = (try? FileManager.default.attributesOfItem(atPath: output))?[.size].flatMap { ($0 as? NSNumber)?.intValue }
        let sink = try ExportSink(path: output, keepingBytes: saved.checkpoint.finished ? size : saved.outputBytes)
        let before = saved.checkpoint.finished ? 0 : saved.checkpoint.documents
        let last = try await ExportWriter(sink: sink, stateFile: stateFile, output: output).write(run)
        StandardStreams.error("webhook sync: \((last?.documents ?? before) - before) documents, \(last?.deleted ?? 0) deleted, appended to \(output)")
    }

    private static func request(_ checkpoint: ExportCheckpoint) -> ExportRequest {
        ExportRequest(
            connector: checkpoint.connector, entity: checkpoint.entity, selectors: checkpoint.selectors.map { ($0.name, $0.value) },
            checkpoint: checkpoint, tracksDeletions: checkpoint.ids != nil
        )
    }
}
