import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A real HTTP proxy on loopback, as corporate proxies work: it opens `CONNECT` tunnels (which is how the
/// client reaches both `http://` and `https://` targets through a proxy), optionally demands Basic proxy
/// credentials, and records every request it was asked for.
///
/// ```swift
/// let proxy = try await LoopbackProxy.start(requiring: ("alice", "s3cret"))
/// // HTTPS_PROXY=http://alice:s3cret@127.0.0.1:\(proxy.port)
/// proxy.requests().map(\.target)   // ["127.0.0.1:54321"]
/// ```
final class LoopbackProxy: Sendable {
    struct Request: Sendable {
        let method: String
        let target: String
        let proxyAuthorization: String?
    }

    final class Recorder: Sendable {
        private let requests = Mutex<[Request]>([])

        func record(_ request: Request) {
            requests.withLock { $0.append(request) }
        }

        var all: [Request] { requests.withLock { $0 } }
    }

    let port: Int
    private let channel: any Channel
    private let recorder: Recorder

    private init(port: Int, channel: any Channel, recorder: Recorder) {
        self.port = port
        self.channel = channel
        self.recorder = recorder
    }

    /// Starts on a free loopback port; with `credentials`, a request without them gets 407.
    static func start(requiring credentials: (user: String, password: String)? = nil) async throws -> LoopbackProxy {
        let recorder = Recorder()
        let required = credentials.map { "Basic " + Data("\($0.user):\($0.password)".utf8).base64EncodedString() }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TunnelFrontHandler(recorder: recorder, requiredAuthorization: required))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackProxy(port: channel.localAddress?.port ?? 0, channel: channel, recorder: recorder)
    }

    /// Every request so far, in arrival order.
    func requests() -> [Request] {
        recorder.all
    }

    func shutdown() async {
        try? await channel.close()
    }
}

/// The client side of a tunnel: reads the request head, connects to the target, answers 200 and from then
/// on copies bytes both ways.
private final class TunnelFrontHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case readingHead(ByteBuffer)
        case connecting
        case tunnelling(any Channel)
        case closed
    }

    private let recorder: LoopbackProxy.Recorder
    private let requiredAuthorization: String?
    private var state = State.readingHead(ByteBuffer())

    init(recorder: LoopbackProxy.Recorder, requiredAuthorization: String?) {
        self.recorder = recorder
        self.requiredAuthorization = requiredAuthorization
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        switch state {
        case .readingHead(var head):
            head.writeBuffer(&bytes)
            let text = head.getString(at: head.readerIndex, length: head.readableBytes) ?? ""
            guard let end = text.range(of: "\r\n\r\n") else {
                state = .readingHead(head)
                return
            }
            state = .connecting
            handleHead(String(text[..<end.lowerBound]), context: context)
        case .tunnelling(let peer):
            peer.writeAndFlush(bytes, promise: nil)
        case .connecting, .closed:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .tunnelling(let peer) = state { peer.close(promise: nil) }
        state = .closed
        context.fireChannelInactive()
    }

    private func handleHead(_ head: String, context: ChannelHandlerContext) {
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        let authorization = lines.dropFirst()
            .first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { $0.dropFirst("proxy-authorization:".count).trimmingCharacters(in: .whitespaces) }
        guard requestLine.count == 3 else { return respond("400 Bad Request", context: context) }
        recorder.record(LoopbackProxy.Request(method: requestLine[0], target: requestLine[1], proxyAuthorization: authorization))
        guard requestLine[0] == "CONNECT" else { return respond("405 Method Not Allowed", context: context) }
        if let requiredAuthorization, authorization != requiredAuthorization {
            return respond("407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"", context: context)
        }
        let target = requestLine[1]
        guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
            return respond("400 Bad Request", context: context)
        }
        let front = context.channel
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { peer in
                peer.eventLoop.makeCompletedFuture {
                    try peer.pipeline.syncOperations.addHandler(TunnelBackHandler(front: front))
                }
            }
            .connect(host: String(target[..<colon]), port: port)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let peer):
                    self.state = .tunnelling(peer)
                    context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 200 Connection Established\r\n\r\n")), promise: nil)
                case .failure:
                    self.respond("502 Bad Gateway", context: context)
                }
            }
    }

    private func respond(_ status: String, context: ChannelHandlerContext) {
        state = .closed
        let response = "HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

/// The target side of a tunnel: copies what the target sends back to the client.
private final class TunnelBackHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let front: any Channel

    init(front: any Channel) {
        self.front = front
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        front.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        front.close(promise: nil)
        context.fireChannelInactive()
    }
}
