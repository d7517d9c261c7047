import AsyncHTTPClient
import NIOCore
import NIOPosix

/// Turns client and socket errors into ``ExecutionError``s that name the origin but never the full URL
/// (a query may hold an API key).
enum TransportErrorMapping {
    static func executionError(for error: any Error, origin: String, timeout: TimeAmount) -> ExecutionError {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return ExecutionError(kind: .timeout, message: "\(origin) did not answer within \(timeout.milliseconds) ms")
            case .remoteConnectionClosed:
                return ExecutionError(kind: .network, message: "\(origin) closed the connection before the response was complete")
            case .invalidURL, .emptyHost, .emptyScheme:
                return ExecutionError(kind: .config, message: "the URL for \(origin) is not valid: \(clientError)", retryable: false)
            default:
                return ExecutionError(kind: .network, message: "request to \(origin) failed: \(clientError)")
            }
        }
        if error is CancellationError {
            return ExecutionError(kind: .timeout, message: "the request to \(origin) was cancelled", retryable: false)
        }
        if let connectError = error as? NIOConnectionError {
            let reason = connectError.connectionErrors.first.map { "\($0.error)" } ?? connectError.dnsAAAAError.map { "\($0)" } ?? "\(connectError)"
            return ExecutionError(kind: .network, message: "cannot connect to \(origin): \(reason)")
        }
        return ExecutionError(kind: .network, message: "cannot reach \(origin): \(error)")
    }
}

extension TimeAmount {
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
