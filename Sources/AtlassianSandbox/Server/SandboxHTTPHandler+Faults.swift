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

    /// Streams a filler JSON body chunk by chunk, each written once the previous one left the process.
    func streamFiller(_ body: FillerBody, for head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers: HTTPHeaders = ["Content-Type": SandboxResponse.jsonContentType, "Content-Length": String(body.size)]
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        writeHead(.ok, headers: headers, for: head, context: context)
        streamChunk(of: body, from: 0, keepAlive: keepAlive, context: context)
    }

    private func streamChunk(of body: FillerBody, from offset: Int, keepAlive: Bool, context: ChannelHandlerContext) {
        guard offset < body.size else {
            let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive { written.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
            return
        }
        let count = min(Self.streamChunkSize, body.size - offset)
        var buffer = context.channel.allocator.buffer(capacity: count)
        body.write(from: offset, count: count, into: &buffer)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).assumeIsolated().whenComplete { result in
            switch result {
            case .success: self.streamChunk(of: body, from: offset + count, keepAlive: keepAlive, context: context)
            case .failure: context.close(promise: nil)
            }
        }
    }
}
