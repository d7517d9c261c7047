import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Runs a task's jobs on one of NIO's event loops, the threads async-http-client does its I/O on.
///
/// A request that prefers this executor sends, waits and resumes on one thread: async-http-client opens
/// connections on the caller's event loop, so the response arrives where the request continues, instead
/// of crossing from Swift Concurrency's pool to an event loop and back on every call. The requests of one
/// stdio client share one loop (``shared``); the HTTP server, which answers many clients at once, hands each
/// request the loops in turn (``next()``), so a replica uses every core.
final class EventLoopExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    private init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// The executor requests run on: one loop of NIO's shared group, which the HTTP clients use.
    static let shared: EventLoopExecutor = {
        let executor = EventLoopExecutor(eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        started.store(true, ordering: .releasing)
        return executor
    }()
    private static let started = Atomic(false)

    /// One executor per loop of NIO's shared group, ``shared`` first.
    private static let all: [EventLoopExecutor] = {
        var executors = [shared]
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() where loop !== shared.eventLoop {
            executors.append(EventLoopExecutor(eventLoop: loop))
        }
        return executors
    }()
    private static let turn = Atomic(0)

    /// The group's loops in turn, one per call.
    static func next() -> EventLoopExecutor {
        all[turn.add(1, ordering: .relaxed).oldValue % all.count]
    }

    /// ``shared`` once its loops run, else `nil`: a task that would rather not wait for them runs on the
    /// global executor.
    static var sharedIfStarted: EventLoopExecutor? {
        started.load(ordering: .acquiring) ? shared : nil
    }

    /// Starts NIO's event loops on a thread of their own. Starting them takes milliseconds (a thread per
    /// core, each waited for), which a server answering its first `initialize` should not spend first; and
    /// not on Swift Concurrency's few threads, which the wait would hold.
    static func startInBackground() {
        guard !started.load(ordering: .acquiring) else { return }
        Thread.detachNewThread { _ = shared }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
