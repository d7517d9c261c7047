import NIOCore
import NIOPosix

/// Runs a task's jobs on one of NIO's event loops, the threads async-http-client does its I/O on.
///
/// A request that prefers this executor sends, waits and resumes on the same thread as its HTTP
/// connection, instead of crossing from Swift Concurrency's pool to an event loop and back on every call.
final class EventLoopExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    private init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// One executor per event loop of NIO's shared group, which the HTTP clients use.
    static let shared: [EventLoopExecutor] = MultiThreadedEventLoopGroup.singleton.makeIterator().map(EventLoopExecutor.init)

    /// The executor for the `index`th request, spreading requests over the event loops.
    static func forRequest(_ index: Int) -> EventLoopExecutor {
        shared[index % shared.count]
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
