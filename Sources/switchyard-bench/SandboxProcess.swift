import AsyncHTTPClient
import Foundation
import NIOCore

/// The loopback server the benchmarks call: `switchyard sandbox` in its own process.
///
/// A server in the bench process would share its event-loop threads with the raw-HTTP baseline's
/// client, which makes that baseline cheaper than any real call (no cross-process wake-up) and the
/// difference to `serve` look larger than it is. In its own process the server costs both sides the same.
final class SandboxProcess {
    let baseURL: String
    private let process: Process

    init(executable: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["sandbox", "--port", "0"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        baseURL = try Self.readBaseURL(from: stdout.fileHandleForReading)
    }

    /// Reads the banner until its `listening on URL` line.
    private static func readBaseURL(from output: FileHandle) throws -> String {
        var text = ""
        while true {
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw BenchmarkFailure("the sandbox exited before it listened") }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on ") }),
               let url = line.split(separator: " ").last, text.contains("Press Ctrl-C") {
                return String(url)
            }
        }
    }

    /// Makes every GET under `pathPrefix` answer with a JSON document of `bytes` bytes.
    func serveHugeBodies(bytes: Int, pathPrefix: String, client: HTTPClient) async throws {
        var request = HTTPClientRequest(url: baseURL + "/__sandbox/faults")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"kind":"hugeBody","bytes":\#(bytes),"method":"GET","pathPrefix":"\#(pathPrefix)","count":1000000}"#))
        let response = try await client.execute(request, timeout: .seconds(10))
        guard response.status == .created else { throw BenchmarkFailure("the sandbox refused the fault: \(response.status)") }
    }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}
