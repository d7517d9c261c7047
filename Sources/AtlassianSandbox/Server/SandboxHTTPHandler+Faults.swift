import NIOCore
import NIOHTTP1
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the handler plays faults that cannot be expressed as an ordinary response.
extension SandboxHTTPHandler {
    /// Chunk size for streamed filler bodies.
    static let streamChunkSize = 64 * 1_024

    func respondLater(
        to exchange: SandboxApplication.Exchange,
        head: HTTPRequestHead,
        after milliseconds: Int,
        context: ChannelHandlerContext
    ) {
        pendingDelay = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(milliseconds))) {
            self.pendingDelay = nil
            self.write(self.application.respond(to: exchange), for: head, keepAlive: head.isKeepAlive, context: context)
        }
    }

    /// Sends the headers and the first half of the body, then aborts the connection with a TCP reset.
    func resetMidBody(_ response: SandboxResponse, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = response.headers
        headers.replaceOrAdd(name: "Content-Length", value: String(max(response.body.count, 2)))
        writeHead(response.status, headers: headers, for: head, context: context)
        context.writeAndFlush(bodyPart(response.body.prefix(response.body.count / 2), context: context))
            .assumeIsolated().whenComplete { _ in
                let options = context.channel as? SocketOptionProvider
                let abortive = linger(l_onoff: 1, l_linger: 0)
                let lingerSet = options?.setSoLinger(abortive) ?? context.eventLoop.makeSucceededVoidFuture()
                lingerSet.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
    }

    /// Announces more bytes than it sends, sends the whole real body, then closes the connection.
    func writeTruncated(_ response: SandboxResponse, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = response.headers
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count + max(64, response.body.count / 2)))
        writeHead(response.status, headers: headers, for: head, context: context)
        context.writeAndFlush(bodyPart(response.body, context: context))
            .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// Progress through a filler body that is being streamed.
    struct FillerStream {
        let body: FillerBody
        var offset = 0
        let keepAlive: Bool
    }

    /// Streams a filler JSON body in chunks, never buffering more than the channel's write watermark.
    func streamFiller(_ body: FillerBody, for head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers: HTTPHeaders = ["Content-Type": SandboxResponse.jsonContentType, "Content-Length": String(body.size)]
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        writeHead(.ok, headers: headers, for: head, context: context)
        fillerStream = FillerStream(body: body, keepAlive: keepAlive)
        pumpFiller(context: context)
    }

    /// Writes chunks while the channel is writable; `channelWritabilityChanged` resumes it later.
    func pumpFiller(context: ChannelHandlerContext) {
        guard !isPumpingFiller else { return }
        isPumpingFiller = true
        defer { isPumpingFiller = false }
        while var stream = fillerStream, context.channel.isWritable {
            guard stream.offset < stream.body.size else {
                fillerStream = nil
                let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
                if !stream.keepAlive { written.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
                return
            }
            let count = min(Self.streamChunkSize, stream.body.size - stream.offset)
            var buffer = context.channel.allocator.buffer(capacity: count)
            stream.body.write(from: stream.offset, count: count, into: &buffer)
            stream.offset += count
            fillerStream = stream
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            if !context.channel.isWritable { context.flush() }
        }
        context.flush()
    }
}
