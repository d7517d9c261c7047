import Foundation
import Synchronization

/// The credentials file: connector name → credential fields, kept with mode 0600 and always written
/// atomically (temp file, fsync, rename), so a crash mid-write leaves the old file or the new one —
/// never a torn one. OAuth 2.0 refresh tokens rotate on every refresh, so losing one means logging in again.
///
/// ```swift
/// let store = CredentialStore(path: CredentialStore.defaultPath(environment: env))
/// try store.update(connector: "jira") { $0["refresh_token"] = newToken }
/// ```
public final class CredentialStore: Sendable {
    public let path: String
    private let lock = Mutex(())

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_CONFIG_HOME/switchyard/credentials.json`, else `~/.config/switchyard/credentials.json`.
    public static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let base = environment["XDG_CONFIG_HOME"] ?? "\(home)/.config"
        return "\(base)/switchyard/credentials.json"
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Every connector's fields; a missing file is empty. Refuses a file others may read.
    public func load() throws(ExecutionError) -> [String: [String: String]] {
        guard exists else { return [:] }
        return try SettingsFile.loadCredentials(path: path)
    }

    /// Changes one connector's fields and writes the whole file atomically.
    public func update(connector: String, _ change: (inout [String: String]) -> Void) throws(ExecutionError) {
        try lock.withLock { _ throws(ExecutionError) in
            var all = try load()
            var fields = all[connector] ?? [:]
            change(&fields)
            all[connector] = fields.isEmpty ? nil : fields
            try write(all)
        }
    }

    /// Forgets one connector's credentials.
    public func remove(connector: String) throws(ExecutionError) {
        try update(connector: connector) { $0 = [:] }
    }

    private func write(_ all: [String: [String: String]]) throws(ExecutionError) {
        var object = JSONObject()
        for connector in all.keys.sorted() {
            object[connector] = .object(JSONObject(all[connector]!.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        }
        var bytes = JSONValue.object(object).serializedBytes(pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw ExecutionError(kind: .config, message: "cannot write the credentials file \(path): \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else {
                close(descriptor)
                unlink(temporary)
                throw ExecutionError(kind: .config, message: "cannot write the credentials file \(path)")
            }
            offset += written
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ExecutionError(kind: .config, message: "cannot replace the credentials file \(path): \(String(cString: strerror(errno)))")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
