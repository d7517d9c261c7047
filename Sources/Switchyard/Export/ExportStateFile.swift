import Foundation

/// A file that keeps an export's ``ExportCheckpoint`` between runs, with how many bytes of the output file
/// the checkpoint covers, so a resumed run can cut off whatever an interrupted one wrote after it.
///
/// Every save writes a temporary file beside it and renames it over the old one, so a run killed at any
/// moment leaves either the previous state or the new one, never half of one.
///
/// ```swift
/// let file = ExportStateFile(path: "jira-demo.state.json")
/// let saved = try file.load()                      // nil before the first run
/// try file.save(ExportStateFile.State(checkpoint: page.checkpoint, outputBytes: written))
/// ```
public struct ExportStateFile: Sendable {
    /// What the file holds.
    public struct State: Sendable, Equatable {
        public var checkpoint: ExportCheckpoint
        /// Bytes of the output file written up to the checkpoint; `nil` when the output was stdout.
        public var outputBytes: Int?
        /// The output file the documents went to; `nil` for stdout.
        public var output: String?

        public init(checkpoint: ExportCheckpoint, outputBytes: Int?, output: String? = nil) {
            self.checkpoint = checkpoint
            self.outputBytes = outputBytes
            self.output = output
        }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The saved state, or `nil` when the file does not exist yet.
    public func load() throws(ExecutionError) -> State? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExecutionError(kind: .config, message: "cannot read the state file \(path)")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw ExecutionError(kind: .config, message: "the state file \(path) is not valid JSON: \(error); delete it to start over")
        }
        let checkpoint: ExportCheckpoint
        do {
            checkpoint = try ExportCheckpoint(json: json)
        } catch {
            throw ExecutionError(kind: .config, message: "the state file \(path) is not an export state: \(error.message)")
        }
        return State(checkpoint: checkpoint, outputBytes: json["output_bytes"]?.intValue, output: json["output"]?.stringValue)
    }

    /// Replaces the file atomically: a temporary file in the same directory, then `rename`.
    public func save(_ state: State) throws(ExecutionError) {
        var object = state.checkpoint.json.objectValue ?? JSONObject()
        object["output_bytes"] = state.outputBytes.map { .number(JSONNumber($0)) } ?? .null
        object["output"] = state.output.map(JSONValue.string) ?? .null
        let bytes = JSONValue.object(object).serializedBytes(pretty: true) + [UInt8(ascii: "\n")]
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ExecutionError(kind: .config, message: "cannot write the state file \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ExecutionError(kind: .config, message: "cannot replace the state file \(path): \(reason)")
        }
    }
}
