import NIOCore
import NIOHTTP1

/// The per-connection NIO handler: collects each request, hands it to the ``SandboxApplication``, and
/// writes the answer, or plays the fault scheduled for it.
///
/// `HTTPServerPipelineHandler` in front of it delivers one request at a time, so a delayed response
/// holds back the next request on the same connection, as a slow server would.
final class SandboxHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies larger than this are refused with 413, like Atlassian's 5 MB limit with headroom.
    static let maximumBodySize = 16 * 1_024 * 1_024

    let application: SandboxApplication
    private let urlHost: String
    private let scheme: String
    /// `http://host:port` (or `https://`), worked out from the connection's local address on its first request.
    private var baseURL: String?
    private var requestHead: HTTPRequestHead?
    private var requestBody: [UInt8] = []
    private var bodyTooLarge = false
    var pendingDelay: Scheduled<Void>?
    /// A filler body being streamed, written as fast as the connection stays writable.
    var fillerStream: FillerStream?
    var isPumpingFiller = false

    /// `urlHost` is how `self` links name the server, e.g. `127.0.0.1` or `[::1]`; `scheme` is `http` or `https`.
    init(application: SandboxApplication, urlHost: String, scheme: String) {
        self.application = application
        self.urlHost = urlHost
        self.scheme = scheme
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
            requestBody.removeAll(keepingCapacity: true)
            bodyTooLarge = false
        case .body(let chunk):
            if requestBody.count + chunk.readableBytes > Self.maximumBodySize {
                bodyTooLarge = true
            } else {
                requestBody.append(contentsOf: chunk.readableBytesView)
            }
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            handle(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        pendingDelay?.cancel()
        pendingDelay = nil
        fillerStream = nil
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { pumpFiller(context: context) }
        context.fireChannelWritabilityChanged()
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let baseURL = self.baseURL ?? "\(scheme)://\(urlHost):\(context.channel.localAddress?.port ?? 0)"
        self.baseURL = baseURL
        let exchange = application.begin(head: head, body: requestBody, baseURL: baseURL)
        let keepAlive = head.isKeepAlive
        if bodyTooLarge {
            let error = APIError(.payloadTooLarge, ["The request body exceeds \(Self.maximumBodySize) bytes."])
            let response = ErrorDialect(path: exchange.request.path).response(for: error)
            write(response, for: head, keepAlive: false, context: context)
            return
        }
        switch exchange.fault {
        case nil:
            write(application.respond(to: exchange), for: head, keepAlive: keepAlive, context: context)
        case .status(let status, let headers, let body)?:
            let response = application.faultResponse(status: status, headers: headers, body: body, for: exchange)
            write(response, for: head, keepAlive: keepAlive, context: context)
        case .delay(let milliseconds)?:
            respondLater(to: exchange, head: head, after: milliseconds, context: context)
        case .invalidJSON?:
            write(SandboxApplication.invalidJSONResponse, for: head, keepAlive: keepAlive, context: context)
        case .resetConnection?:
            resetMidBody(application.respond(to: exchange), for: head, context: context)
        case .truncatedBody?:
            writeTruncated(application.respond(to: exchange), for: head, context: context)
        case .hugeBody(let bytes)?:
            streamFiller(FillerBody(size: bytes), for: head, keepAlive: keepAlive, context: context)
        }
    }

    /// Writes a complete response, closing the connection afterwards unless it is kept alive.
    func write(_ response: SandboxResponse, for head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = response.headers
        if response.status != .noContent, response.status != .notModified {
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        }
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        writeHead(response.status, headers: headers, for: head, context: context)
        if !response.body.isEmpty, head.method != .HEAD {
            context.write(bodyPart(response.body, context: context), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func writeHead(_ status: HTTPResponseStatus, headers: HTTPHeaders, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        let responseHead = HTTPResponseHead(version: head.version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
    }

    func bodyPart(_ bytes: some Sequence<UInt8>, context: ChannelHandlerContext) -> NIOAny {
        wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes))))
    }
}
