import Logging

/// Sends one action's HTTP requests: authenticated, rate limited, retried as the policy allows, following
/// redirects (credentials only to the connector's own origin), and never past the call's deadline.
///
/// It counts what happened for the result's `meta` and the audit log.
struct RequestSender {
    let transport: HTTPTransport
    let connection: Connection
    let policy: RetryPolicy
    let deadline: ContinuousClock.Instant
    let limiter: RateLimiter
    let idempotent: Bool
    let logger: Logger
    let label: String
    /// The connector's name, for the upstream metrics.
    let connector: String

    private(set) var attempts = 0
    private(set) var waited: Duration = .zero
    private(set) var bytesReceived = 0
    private(set) var lastStatus: Int?

    init(
        transport: HTTPTransport, connection: Connection, policy: RetryPolicy, deadline: ContinuousClock.Instant,
        limiter: RateLimiter, idempotent: Bool, logger: Logger, label: String, connector: String
    ) {
        self.transport = transport
        self.connection = connection
        self.policy = policy
        self.deadline = deadline
        self.limiter = limiter
        self.idempotent = idempotent
        self.logger = logger
        self.label = label
        self.connector = connector
    }

    /// Sends `request` and returns a 2xx response, or the error that ended the tries. `idempotent` overrides
    /// the action's for one request, such as the read of a prefetch.
    mutating func send(_ request: PreparedRequest, idempotent: Bool? = nil) async throws(ExecutionError) -> HTTPResponse {
        let idempotent = idempotent ?? self.idempotent
        var attempt = 0
        while true {
            attempt += 1
            attempts += 1
            do {
                return try await sendFollowingRedirects(request)
            } catch {
                guard policy.shouldRetry(error, idempotent: idempotent, attempt: attempt) else { throw error }
                let wait = policy.delay(after: error, attempt: attempt)
                guard ContinuousClock.now + wait < deadline else {
                    logger.debug("\(label): not retrying \(error.kind.rawValue): waiting \(wait) would pass the deadline")
                    throw error
                }
                logger.debug("\(label): retrying after \(error.kind.rawValue), waiting \(wait)")
                RuntimeMetrics.retry(connector: connector, kind: error.kind)
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw ExecutionError(kind: .timeout, message: "the call was cancelled while waiting to retry", retryable: false)
                }
                waited += wait
            }
        }
    }

    private mutating func sendFollowingRedirects(_ original: PreparedRequest) async throws(ExecutionError) -> HTTPResponse {
        var request = original
        var authenticated = true
        var refreshedAfter401 = false
        var usedToken: String?
        for _ in 0..<7 {
            var outgoing = request
            if authenticated { usedToken = try await connection.credential.authorize(&outgoing) }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw ExecutionError(kind: .timeout, message: "the call ran out of its time budget before \(request.method.rawValue) \(request.path) could be sent")
            }
            let timeout = min(remaining, policy.attemptTimeout)
            await limiter.acquire()
            let result: Result<HTTPResponse, ExecutionError>
            let sent = ContinuousClock.now
            do {
                result = .success(try await transport.send(outgoing, security: connection.security, timeout: .milliseconds(Int64(timeout.milliseconds))))
            } catch {
                result = .failure(error)
            }
            RuntimeMetrics.upstreamExchange(connector: connector, status: try? result.get().status, duration: sent.duration(to: .now))
            await limiter.release()
            let response = try result.get()
            lastStatus = response.status
            bytesReceived += response.body.readableBytes
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location") {
                guard let target = URLOrigin(request.url)?.resolveAny(location) else {
                    throw ExecutionError(kind: .upstream, message: "HTTP \(response.status) redirect to an unusable location", status: response.status)
                }
                authenticated = authenticated && URLOrigin(target) == connection.origin
                request.absoluteURL = target
                request.query = []
                if response.status == 303 || ((response.status == 301 || response.status == 302) && request.method == .post) {
                    request.method = .get
                    request.body = nil
                    request.headers.removeAll { $0.name.equalsIgnoringASCIICase("content-type") }
                }
                continue
            }
            if response.status == 401, authenticated, !refreshedAfter401,
               try await connection.credential.tokenAfterRejection(of: usedToken) != nil {
                // One refresh and one retry, whatever the retry policy says: the token, not the call, was stale.
                refreshedAfter401 = true
                logger.debug("\(label): 401 with an OAuth 2.0 token; refreshed it and retrying once")
                continue
            }
            guard (200..<300).contains(response.status) else {
                if response.status == 401, authenticated, case .cookie = connection.credential {
                    throw ExecutionError(
                        kind: .auth,
                        message: "the session cookies were rejected (HTTP 401): the browser session has expired or was logged out; log in to the site in a browser and copy fresh cookies (JSESSIONID …)",
                        status: 401, retryable: false
                    )
                }
                throw UpstreamError.executionError(for: response)
            }
            return response
        }
        throw ExecutionError(kind: .upstream, message: "too many redirects for \(original.method.rawValue) \(original.path)")
    }
}

extension URLOrigin {
    /// Resolves a redirect `Location`, absolute or origin-relative, against this origin (any origin allowed).
    func resolveAny(_ location: String) -> String? {
        if location.hasPrefix("http://") || location.hasPrefix("https://") { return URLOrigin(location) != nil ? location : nil }
        if location.hasPrefix("/"), !location.hasPrefix("//") { return description + location }
        return nil
    }
}
