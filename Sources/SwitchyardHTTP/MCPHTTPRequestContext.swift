import Hummingbird
import NIOCore

/// The request context of the MCP endpoint: Hummingbird's core storage plus the peer's address.
struct MCPHTTPRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, as text.
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
