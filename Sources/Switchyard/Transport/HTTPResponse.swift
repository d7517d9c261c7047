import NIOCore

/// A response as the executor needs it: status, headers, and the whole body (read with a size cap).
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: ByteBuffer

    public init(status: Int, headers: [(name: String, value: String)], body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// The body as text, for messages about non-JSON answers.
    public var bodyText: String {
        String(buffer: body)
    }

    /// Whether the `Content-Type` says JSON (or says nothing and the body looks like JSON).
    public var looksLikeJSON: Bool {
        if let type = header("Content-Type") {
            return type.containsIgnoringASCIICase("json")
        }
        let first = body.readableBytesView.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}
