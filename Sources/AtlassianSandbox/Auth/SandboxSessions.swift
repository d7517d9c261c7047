import Foundation
import NIOHTTP1

/// Browser sessions of a Jira / Confluence Server: requests may authenticate with `Cookie: JSESSIONID=…`.
/// A session the sandbox does not know, or one that expired, gets what a real server sends: 401 with its
/// HTML login page and `X-Seraph-LoginReason: AUTHENTICATED_FAILED`. Reach it through
/// ``SandboxServer/sessions``; thread-safe.
///
/// ```swift
/// // Cookie: JSESSIONID=sandbox-session-1   → 200, as the demo user
/// server.sessions.expireAll()               // every session so far now gets the login page
/// let fresh = server.sessions.start()       // a new valid JSESSIONID
/// ```
public final class SandboxSessions: Sendable {
    static let cookieName = "JSESSIONID"

    private let valid = Locked<Set<String>>([SandboxCredentials.sessionCookie])

    init() {}

    /// Starts a new session for the demo user and returns its `JSESSIONID`.
    public func start() -> String {
        let session = RandomToken.make("sandbox-session-")
        valid.withLock { _ = $0.insert(session) }
        return session
    }

    /// Ends every session, ``SandboxCredentials/sessionCookie`` included.
    public func expireAll() {
        valid.withLock { $0.removeAll() }
    }

    /// The `JSESSIONID` a request sends in its `Cookie` headers, if any.
    static func sessionID(in headers: HTTPHeaders) -> String? {
        for header in headers[canonicalForm: "Cookie"] {
            for cookie in header.split(separator: ";") {
                let parts = cookie.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// The demo user for a live session; the login page for any other.
    func authenticate(sessionID: String, path: String) -> Authentication {
        guard valid.withLock({ $0.contains(sessionID) }) else { return .refused(Self.loginPage(path: path)) }
        return .accepted(accountId: SandboxCredentials.accountId)
    }

    private static func loginPage(path: String) -> SandboxResponse {
        let product = path.hasPrefix("/wiki") ? "Confluence" : "Jira"
        let html = """
            <!DOCTYPE html>
            <html><head><title>Log in - \(product) - Atlassian Sandbox</title></head>
            <body><form id="login-form" action="/login.jsp" method="post">
            <div class="aui-message warning">Your session has expired. You must log in again to continue.</div>
            <input type="text" name="os_username"/><input type="password" name="os_password"/>
            <input type="submit" value="Log In"/></form></body></html>
            """
        var response = SandboxResponse.text(html, contentType: "text/html;charset=UTF-8", status: .unauthorized)
        response.headers.add(name: "X-Seraph-LoginReason", value: "AUTHENTICATED_FAILED")
        return response
    }
}
