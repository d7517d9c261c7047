import Foundation
import Synchronization

/// One redacted JSON line per execute, appended to a file: time, connector/entity/action, method, path
/// (never the query, which may hold keys), status, attempts, duration and bytes. Params and bodies are
/// never written.
///
/// ```swift
/// let audit = try AuditLog(path: "/var/log/switchyard/audit.jsonl")
/// ```
public final class AuditLog: Sendable {
    private let handle: Mutex<FileHandle>

    /// Opens `path` for appending, creating it with mode 0600.
    public init(path: String) throws(ExecutionError) {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ExecutionError(kind: .config, message: "cannot create the audit log \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ExecutionError(kind: .config, message: "cannot open the audit log \(path) for writing")
        }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func record(_ entry: JSONValue) {
        var bytes = entry.serializedBytes()
        bytes.append(UInt8(ascii: "\n"))
        handle.withLock { $0.write(Data(bytes)) }
    }
}

/// What an execute did, gathered for the result's `meta` and the audit log.
struct ExecutionFacts {
    var method: String?
    var path: String?
    var status: Int?
    var attempts = 0
    var waited: Duration = .zero
    var bytes = 0
    var pages = 0
    var dryRun = false

    /// The audit line for one execute.
    func auditEntry(request: ExecuteRequest, outcome: ResultEnvelope, duration: Duration, time: Date) -> JSONValue {
        var object: JSONObject = [
            "time": .string(ISO8601DateFormatter().string(from: time)),
            "connector": .string(request.connector), "entity": .string(request.entity), "action": .string(request.action),
        ]
        if let method { object["method"] = .string(method) }
        if let path { object["path"] = .string(path) }
        object["status"] = status.map { .number(JSONNumber($0)) } ?? .null
        object["ok"] = .bool(outcome.isSuccess)
        if let error = outcome.error { object["error_kind"] = .string(error.kind.rawValue) }
        object["attempts"] = .number(JSONNumber(attempts))
        object["duration_ms"] = .number(JSONNumber(duration.milliseconds))
        object["bytes"] = .number(JSONNumber(bytes))
        if dryRun { object["dry_run"] = true }
        return .object(object)
    }
}
