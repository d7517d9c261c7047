import Foundation
import Switchyard

/// Writes an export's pages to an ``ExportSink`` and saves the state file after each page, once the page's
/// documents are written, so a run stopped at any moment continues with no line repeated or lost. Both
/// `export` and `webhooks listen --sync` write through it.
///
/// ```swift
/// let writer = ExportWriter(sink: sink, stateFile: ExportStateFile(path: "demo.state.json"), output: "demo.jsonl")
/// let last = try await writer.write(run) { progress in print(progress.documents) }
/// ```
struct ExportWriter {
    let sink: ExportSink
    let stateFile: ExportStateFile?
    /// The output file, kept in the state file (as an absolute path) for a later `webhooks listen --sync`.
    let output: String?

    init(sink: ExportSink, stateFile: ExportStateFile?, output: String?) {
        self.sink = sink
        self.stateFile = stateFile
        self.output = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// Writes every page and closes the sink; the progress after the last page, `nil` when there was none.
    func write(_ run: ExportRun, onPage: (ExportProgress) -> Void = { _ in }) async throws(ExecutionError) -> ExportProgress? {
        var last: ExportProgress?
        for try await page in run {
            var bytes: [UInt8] = []
            for document in page.documents {
                bytes += document.serializedBytes()
                bytes.append(UInt8(ascii: "\n"))
            }
            let written = try sink.write(bytes)
            try stateFile?.save(ExportStateFile.State(checkpoint: page.checkpoint, outputBytes: written, output: output))
            onPage(page.progress)
            last = page.progress
        }
        try sink.close()
        return last
    }
}
