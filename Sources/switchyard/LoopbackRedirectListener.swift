import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A one-shot HTTP listener on 127.0.0.1 that receives the OAuth redirect (`/callback?code=…&state=…`),
/// answers the browser with a short page, and hands the query to the login.
final class LoopbackRedirectListener: Sendable {
    let port: Int
    private let channel: any Channel
    private let received: AsyncStream<[String: String]>

    static func start(port: Int) async throws -> LoopbackRedirectListener {
        let (stream, continuation) = AsyncStream<[String: String]>.makeStream()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(CallbackHandler(continuation: continuation))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        return LoopbackRedirectListener(port: channel.localAddress?.port ?? port, channel: channel, received: stream)
    }

    private init(port: Int, channel: any Channel, received: AsyncStream<[String: String]>) {
        self.port = port
        self.channel = channel
        self.received = received
    }

    var redirectURI: String { "http://127.0.0.1:\(port)/callback" }

    /// The query of the first request to `/callback`.
    func waitForCallback() async -> [String: String]? {
        for await query in received { return query }
        return nil
    }

    func close() async {
        try? await channel.close()
    }

    private final class CallbackHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let continuation: AsyncStream<[String: String]>.Continuation

        init(continuation: AsyncStream<[String: String]>.Continuation) {
            self.continuation = continuation
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let parts = head.uri.split(separator: "?", maxSplits: 1)
            let isCallback = parts.first == "/callback"
            var query: [String: String] = [:]
            if isCallback, parts.count == 2 {
                for pair in parts[1].split(separator: "&") {
                    let pieces = pair.split(separator: "=", maxSplits: 1)
                    let name = String(pieces[0]).removingPercentEncoding ?? String(pieces[0])
                    let value = pieces.count > 1 ? (String(pieces[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
                    query[name] = value
                }
            }
            let text = isCallback ? "Switchyard received the login. You can close this tab." : "Not found"
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            headers.add(name: "Content-Length", value: String(text.utf8.count))
            headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: isCallback ? .ok : .notFound, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            if isCallback { continuation.yield(query) }
        }
    }
}
