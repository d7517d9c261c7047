import Foundation

/// Hands each event to a shell command (`--exec CMD`) as one JSON line on its standard input, one run per event,
/// in order, off the listener's path: ``submit(_:)`` only queues, so a slow command never delays a 200.
///
/// The command's standard output goes to standard error, so standard output keeps only event lines.
///
/// ```swift
/// let runner = EventCommandRunner(command: "jq -c .issue >> issues.log") { failure in print(failure) }
/// runner.submit(event)
/// await runner.finish()   // waits for queued events
/// ```
public final class EventCommandRunner: Sendable {
    public let command: String
    /// How many events may wait for the command before new ones are dropped (and reported).
    public let capacity: Int
    private let continuation: AsyncStream<WebhookEvent>.Continuation
    private let worker: Task<Void, Never>
    private let onFailure: @Sendable (WebhookSinkError) -> Void

    public init(command: String, capacity: Int = 1_000, onFailure: @escaping @Sendable (WebhookSinkError) -> Void) {
        self.command = command
        self.capacity = capacity
        self.onFailure = onFailure
        // A command that exits before reading its stdin must fail that one write, not end the listener.
        signal(SIGPIPE, SIG_IGN)
        let (events, continuation) = AsyncStream<WebhookEvent>.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        self.continuation = continuation
        worker = Task {
            for await event in events {
                if let failure = await Self.run(command, input: event.line + "\n") { onFailure(failure) }
            }
        }
    }

    /// Queues `event` for the command; reports ``WebhookSinkError/commandQueueFull(command:capacity:)`` when full.
    public func submit(_ event: WebhookEvent) {
        if case .dropped = continuation.yield(event) {
            onFailure(.commandQueueFull(command: command, capacity: capacity))
        }
    }

    /// Stops taking events and waits until the queued ones have been run.
    public func finish() async {
        continuation.finish()
        await worker.value
    }

    /// Runs `/bin/sh -c command` with `input` on stdin; the failure, or `nil` when it exited 0.
    private static func run(_ command: String, input: String) async -> WebhookSinkError? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.standardError
        let status: Int32 = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: -1)
                return
            }
            // A command that exits without reading its input makes this write fail (EPIPE); that is its choice.
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        if status == -1 { return .commandFailed(command: command, reason: "could not start /bin/sh") }
        return status == 0 ? nil : .commandFailed(command: command, reason: "exited with status \(status)")
    }
}
