import ArgumentParser
import Foundation
import Switchyard

/// Shows an export's progress on stderr, never stdout: a live bar redrawn in place when stderr is a
/// terminal, or one JSON object per page for programs.
struct ExportProgressReporter {
    /// How progress is shown.
    enum Style: String, CaseIterable, ExpressibleByArgument {
        case auto, bar, json, none
    }

    private let style: Style
    private let started = ContinuousClock.now
    private let startingDocuments: Int
    private var lastDrawn: ContinuousClock.Instant?

    init(style: Style, startingDocuments: Int) {
        switch style {
        case .auto: self.style = isatty(FileHandle.standardError.fileDescriptor) == 1 ? .bar : .none
        default: self.style = style
        }
        self.startingDocuments = startingDocuments
    }

    mutating func report(_ progress: ExportProgress, finished: Bool) {
        let duration = started.duration(to: .now)
        let elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let done = progress.documents - startingDocuments
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        switch style {
        case .json:
            var object = progress.json.objectValue ?? JSONObject()
            object["event"] = .string(finished ? "finished" : "page")
            object["rate"] = .number(JSONNumber(Int(rate.rounded())))
            object["elapsed_ms"] = .number(JSONNumber(Int(elapsed * 1000)))
            StandardStreams.error(JSONValue.object(object).serialized())
        case .bar:
            if !finished, let lastDrawn, lastDrawn.duration(to: .now) < .milliseconds(100) { return }
            lastDrawn = .now
            var line = "\(progress.documents) documents · \(progress.pages) pages · \(Int(rate.rounded()))/s"
            if progress.deleted > 0 { line += " · \(progress.deleted) deleted" }
            if let total = progress.total, total > 0 {
                let fraction = min(1, Double(progress.documents) / Double(total))
                let filled = Int(fraction * 24)
                line = "[\(String(repeating: "#", count: filled))\(String(repeating: "-", count: 24 - filled))] \(Int(fraction * 100))% " + line
                if rate > 0, !finished { line += " · ETA \(Self.clock(Double(total - progress.documents) / rate))" }
            }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (finished ? "\n" : "")).utf8))
        case .auto, .none:
            break
        }
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        let remainder = whole % 60
        return "\(whole / 60):\(remainder < 10 ? "0" : "")\(remainder)"
    }
}
