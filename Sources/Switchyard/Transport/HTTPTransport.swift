import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The one HTTP client every execute shares, so connections are pooled and reused.
///
/// Redirects are not followed here: the executor follows them itself, so credentials never travel to
/// another origin.
public final class HTTPTransport: Sendable {
    /// The default cap on a response body; larger bodies abort the request.
    public static let defaultMaximumBodyBytes = 16 * 1024 * 1024

    private let client: HTTPClient

    public init(connectTimeout: TimeAmount = .seconds(10)) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout, read: nil)
        )
        configuration.httpVersion = .automatic
        // A refused connection should fail now, not after the connect timeout: the executor's retry
        // policy decides what to retry.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Sends a request and reads the whole body, failing past `maximumBodyBytes` or after `timeout`.
    public func send(
        _ request: PreparedRequest,
        timeout: TimeAmount,
        maximumBodyBytes: Int = HTTPTransport.defaultMaximumBodyBytes
    ) async throws(ExecutionError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body.bytes))
        }
        let origin = URLOrigin(request.url)?.description ?? request.baseURL
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: body
            )
        } catch is NIOTooManyBytesError {
            throw ExecutionError(
                kind: .upstream,
                message: "the response from \(origin) is larger than the \(maximumBodyBytes)-byte limit; ask for fewer records or fields",
                retryable: false
            )
        } catch {
            throw TransportErrorMapping.executionError(for: error, origin: origin, timeout: timeout)
        }
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }
}
