import Foundation
import Switchyard

/// Where `export` writes its JSON lines: stdout, or a file it can cut back to the length a state file
/// recorded, so a resumed export neither repeats nor loses a line.
struct ExportSink {
    private let handle: FileHandle
    private let path: String?
    private var isFile: Bool { path != nil }

    /// Opens the output: stdout when `path` is nil; otherwise the file, emptied, or cut to `keepingBytes`
    /// when a run is being continued.
    init(path: String?, keepingBytes: Int?) throws(ExecutionError) {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        if let keepingBytes {
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size].flatMap { ($0 as? NSNumber)?.intValue }
            guard let size, size >= keepingBytes else {
                throw ExecutionError(
                    kind: .config,
                    message: "the output file \(path) holds \(size ?? 0) bytes, but the state file says \(keepingBytes) were written; give the output of the interrupted run, or delete the state file to start over"
                )
            }
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ExecutionError(kind: .config, message: "cannot create the output file \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ExecutionError(kind: .config, message: "cannot open the output file \(path)")
        }
        do {
            try handle.truncate(atOffset: UInt64(keepingBytes ?? 0))
            try handle.seekToEnd()
        } catch {
            throw ExecutionError(kind: .config, message: "cannot prepare the output file \(path): \(error)")
        }
        self.handle = handle
    }

    /// Writes the bytes and returns the file's length after them (`nil` for stdout).
    func write(_ bytes: [UInt8]) throws(ExecutionError) -> Int? {
        do {
            try handle.write(contentsOf: bytes)
            return isFile ? Int(try handle.offset()) : nil
        } catch {
            throw ExecutionError(kind: .config, message: "cannot write to \(path ?? "stdout"): \(error)")
        }
    }

    func close() throws(ExecutionError) {
        guard isFile else { return }
        do {
            try handle.close()
        } catch {
            throw ExecutionError(kind: .config, message: "cannot close \(path ?? ""): \(error)")
        }
    }
}
