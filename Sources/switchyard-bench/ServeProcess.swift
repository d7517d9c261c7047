import Foundation
import Switchyard

/// A `switchyard serve` child process driven over its stdin/stdout, as an agent would drive it.
final class ServeProcess {
    let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffer: [UInt8] = []

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
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(contentsOf: chunk)
        }
    }

    /// Sends a request and reads lines until its reply (by id) arrives.
    func call(_ request: String, id: String) -> String? {
        send(request)
        let marker = "\"id\":\(id)"
        while let line = readLine() {
            if line.contains(marker) { return line }
        }
        return nil
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
