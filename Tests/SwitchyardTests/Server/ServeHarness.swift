import Foundation
import Synchronization
import Switchyard
@testable import SwitchyardServer

/// A `ServerSession` wired to pipes: tests write request lines and read the replies the server wrote.
final class ServeHarness: Sendable {
    let sandbox: SandboxHarness
    let session: ServerSession
    private let inputWrite: Int32
    /// Every line the server wrote, and those that parsed as JSON, updated together.
    private let output = Mutex<(raw: [String], parsed: [JSONValue])>(([], []))
    private let finished = Mutex<Bool>(false)

    private init(sandbox: SandboxHarness, session: ServerSession, inputWrite: Int32) {
        self.sandbox = sandbox
        self.session = session
        self.inputWrite = inputWrite
    }

    static func start(configuration: ServeConfiguration = ServeConfiguration(), policy: ExposurePolicy = .everything, seedIssues: Int = 0) async throws -> ServeHarness {
        let sandbox = try await SandboxHarness.start(policy: policy, seedIssues: seedIssues)
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw POSIXError(.EMFILE) }
        let session = ServerSession(runtime: sandbox.runtime, configuration: configuration, writer: MessageWriter(fileDescriptor: output[1]))
        let harness = ServeHarness(sandbox: sandbox, session: session, inputWrite: input[1])
        let (inputRead, outputRead, outputWrite) = (input[0], output[0], output[1])
        let lines = LineReader(fileDescriptor: inputRead, maximumLineBytes: configuration.maximumLineBytes).lines()
        Task {
            await session.run(lines)
            close(outputWrite)
            close(inputRead)
        }
        let replies = LineReader(fileDescriptor: outputRead).lines()
        Task {
            for await line in replies {
                guard case .message(let bytes) = line else { continue }
                let parsed = try? JSONValue(parsing: bytes)
                harness.output.withLock { output in
                    output.raw.append(String(decoding: bytes, as: UTF8.self))
                    if let parsed { output.parsed.append(parsed) }
                }
            }
            close(outputRead)
            // The server closed its output after its last reply, and every reply has been read.
            harness.finished.withLock { $0 = true }
        }
        return harness
    }

    /// Writes one line (a newline is added).
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(inputWrite, $0.baseAddress, $0.count) }
    }

    func send(_ message: JSONValue) {
        send(message.serialized())
    }

    /// Closes the server's input: end of file.
    func closeInput() {
        close(inputWrite)
    }

    var messages: [JSONValue] { output.withLock { $0.parsed } }
    var rawLines: [String] { output.withLock { $0.raw } }
    /// Lines written that were not JSON (there should be none).
    var unparsedLineCount: Int { output.withLock { $0.raw.count - $0.parsed.count } }
    var isFinished: Bool { finished.withLock { $0 } }

    /// The reply with this id, waiting up to `timeout`.
    func reply(id: JSONValue, timeout: Duration = .seconds(30)) async -> JSONValue? {
        await waitFor(timeout: timeout) { messages in messages.first { $0["id"] == id && $0["method"] == nil } }
    }

    func waitFor<T>(timeout: Duration = .seconds(10), _ find: ([JSONValue]) -> T?) async -> T? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = find(messages) { return found }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return find(messages)
    }

    /// Waits until the session has returned from `run` (after end of input and draining) and all it wrote
    /// has been read.
    func waitUntilFinished(timeout: Duration = .seconds(10)) async -> Bool {
        await waitFor(timeout: timeout) { _ in self.isFinished ? true : nil } ?? false
    }

    func stop() async {
        if !isFinished { closeInput() }
        _ = await waitUntilFinished()
        await sandbox.stop()
    }
}

func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var object: JSONObject = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
    if let params { object["params"] = params }
    return .object(object)
}

/// Runs `body` with a started server harness and always stops it.
func withServer(
    configuration: ServeConfiguration = ServeConfiguration(), policy: ExposurePolicy = .everything,
    _ body: (ServeHarness) async throws -> Void
) async throws {
    let harness = try await ServeHarness.start(configuration: configuration, policy: policy)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
