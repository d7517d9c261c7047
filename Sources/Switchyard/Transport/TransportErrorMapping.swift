import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

/// Turns client and socket errors into ``ExecutionError``s that name the origin but never the full URL
/// (a query may hold an API key), nor a proxy's credentials.
enum TransportErrorMapping {
    static func executionError(
        for error: any Error, origin: String, proxy: ProxyServer?, security: TransportSecurity, timeout: TimeAmount
    ) -> ExecutionError {
        if let tlsError = tlsError(error, origin: origin, security: security) { return tlsError }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return ExecutionError(kind: .timeout, message: "\(origin) did not answer within \(timeout.milliseconds) ms")
            case .remoteConnectionClosed:
                return ExecutionError(kind: .network, message: "\(origin) closed the connection before the response was complete")
            case .invalidURL, .emptyHost, .emptyScheme:
                return ExecutionError(kind: .config, message: "the URL for \(origin) is not valid: \(clientError)", retryable: false)
            case .proxyAuthenticationRequired:
                return ExecutionError(
                    kind: .config,
                    message: "the proxy \(proxy.map(String.init(describing:)) ?? "") refused the request to \(origin) (HTTP 407): put its user and password in the proxy URL, http://USER:PASSWORD@HOST:PORT",
                    retryable: false
                )
            case .invalidProxyResponse, .httpProxyHandshakeTimeout:
                return ExecutionError(kind: .network, message: "the proxy \(proxy.map(String.init(describing:)) ?? "") did not open a tunnel to \(origin) (\(clientError))")
            default:
                return ExecutionError(kind: .network, message: "request to \(origin) failed: \(clientError)")
            }
        }
        if error is CancellationError {
            return ExecutionError(kind: .timeout, message: "the request to \(origin) was cancelled", retryable: false)
        }
        if let connectError = error as? NIOConnectionError {
            let reason = connectError.connectionErrors.first.map { "\($0.error)" } ?? connectError.dnsAAAAError.map { "\($0)" } ?? "\(connectError)"
            if let proxy {
                return ExecutionError(kind: .network, message: "cannot connect to the proxy \(proxy) for \(origin): \(reason)")
            }
            return ExecutionError(kind: .network, message: "cannot connect to \(origin): \(reason)")
        }
        return ExecutionError(kind: .network, message: "cannot reach \(origin): \(error)")
    }

    /// A failed TLS handshake, told as what to change; `nil` for any other error.
    private static func tlsError(_ error: any Error, origin: String, security: TransportSecurity) -> ExecutionError? {
        let reason: String
        switch error {
        case NIOSSLError.handshakeFailed(let boringError):
            reason = "\(boringError)"
        case let extra as NIOSSLExtraError where extra == .failedToValidateHostname || extra == .serverHostnameImpossibleToMatch:
            return ExecutionError(
                kind: .network,
                message: "the certificate of \(origin) is not issued for its host name; use the host name the certificate names in the base URL",
                details: ["reason": "tls_hostname_mismatch"], retryable: false
            )
        case let sslError as NIOSSLError:
            reason = "\(sslError)"
        case let boringError as BoringSSLError:
            // With TLS 1.3 a server's verdict on the client certificate arrives after the handshake, on the first read.
            reason = "\(boringError)"
        default:
            return nil
        }
        if reason.contains("CERTIFICATE_VERIFY_FAILED") {
            return ExecutionError(
                kind: .network,
                message: "the certificate of \(origin) is not trusted (unknown issuer, expired, or not issued for this host); \(security.trustAdvice)",
                details: ["reason": "tls_untrusted_certificate"], retryable: false
            )
        }
        if ["CERTIFICATE_REQUIRED", "HANDSHAKE_FAILURE", "BAD_CERTIFICATE", "UNKNOWN_CA", "CERTIFICATE_UNKNOWN"].contains(where: reason.contains) {
            return ExecutionError(
                kind: .network,
                message: "\(origin) refused the TLS handshake, most likely because it wants a client certificate it trusts; \(security.clientCertificateAdvice)",
                details: ["reason": "tls_client_certificate_rejected"], retryable: false
            )
        }
        return ExecutionError(
            kind: .network, message: "the TLS handshake with \(origin) failed (\(reasonCodes(in: reason)))",
            details: ["reason": "tls_handshake_failed"], retryable: false
        )
    }

    /// BoringSSL's reason codes (`WRONG_VERSION_NUMBER`) from an error description, without its source paths.
    static func reasonCodes(in description: String) -> String {
        let marker = "OPENSSL_internal:"
        var codes: [Substring] = []
        var rest = Substring(description)
        while let range = rest.range(of: marker) {
            rest = rest[range.upperBound...]
            codes.append(rest.prefix { $0.isUppercase || $0.isNumber || $0 == "_" })
        }
        return codes.isEmpty ? description : codes.joined(separator: ", ")
    }
}

extension TimeAmount {
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
