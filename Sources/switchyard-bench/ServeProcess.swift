import Foundation
import Switchyard

/// A `switchyard serve` child process driven over its stdin/stdout, as an agent would drive it.
final class ServeProcess {
    let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no newline, so each chunk is scanned once.
    private var scanned = 0

    init(executable: String, arguments: [String] = ["serve"], environment: [String: String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        try process.run()
    }

    func send(_ line: String) {
        input.write(Data((line + "\n").utf8))
    }

    /// Blocks until the next complete line arrives.
    func readLine() -> String? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                scanned = 0
                return line
            }
            scanned = buffer.count
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(contentsOf: chunk)
        }
    }

    /// Sends a request and reads lines until its reply (by id) arrives.
    func call(_ request: String, id: String) -> String? {
        send(request)
        let marker = "\"id\":\(id),"
        while let line = readLine() {
            if Self.head(of: line).contains(marker) { return line }
        }
        return nil
    }

    /// The start of a reply, where Switchyard writes `jsonrpc`, `id` and `ok`: checking it avoids
    /// scanning megabytes of payload in the client.
    static func head(of line: String) -> Substring {
        line.prefix(96)
    }

    /// Peak and current resident memory of the child, in MiB, from /proc.
    var memory: (peak: Double, current: Double) {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
            let kilobytes = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
            return kilobytes / 1024
        }
        return (field("VmHWM:"), field("VmRSS:"))
    }

    func stop() {
        try? input.close()
        process.waitUntilExit()
    }
}
