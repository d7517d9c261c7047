import Hummingbird
import NIOCore

/// The request context of the listener: Hummingbird's core storage plus the peer address the allow-list checks.
struct WebhookRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, as text.
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
