import NIOHTTP1
import Switchyard

/// Why the OAuth 1.0a provider turned a request away, named with the OAuth Problem Reporting codes Jira and
/// Confluence Server send (`signature_invalid`, `timestamp_refused`, `nonce_used`, …).
///
/// ```swift
/// throw OAuth1Problem("nonce_used", "The nonce was already used by a request with the same timestamp.")
/// // API request   → 401 JSON error body + WWW-Authenticate: OAuth realm="…", oauth_problem="nonce_used"
/// // OAuth endpoint → 401 oauth_problem=nonce_used&oauth_problem_advice=The%20nonce…
/// ```
struct OAuth1Problem: Error, Sendable {
    let problem: String
    let message: String
    var status: HTTPResponseStatus = .unauthorized
    /// Extra problem-reporting parameters, such as `oauth_parameters_absent` or `oauth_acceptable_timestamps`.
    var details: [(String, String)] = []

    init(_ problem: String, _ message: String) {
        self.problem = problem
        self.message = message
    }

    /// A request without a required protocol parameter.
    static func absent(_ name: String) -> OAuth1Problem {
        var problem = OAuth1Problem("parameter_absent", "The OAuth parameter '\(name)' is missing.")
        problem.status = .badRequest
        problem.details = [("oauth_parameters_absent", name)]
        return problem
    }

    /// The answer to an API request: the path's error body with the problem in `WWW-Authenticate`.
    func apiResponse(dialect: ErrorDialect, realm: String) -> SandboxResponse {
        var error = APIError(status, ["OAuth 1.0a authentication failed (\(problem)): \(message)"])
        error.headers.add(name: "WWW-Authenticate", value: challenge(realm: realm))
        return dialect.response(for: error)
    }

    /// The answer from the token endpoints: the problem form-encoded, as Jira's OAuth servlet sends it.
    func formResponse(realm: String) -> SandboxResponse {
        let pairs = [("oauth_problem", problem)] + details + [("oauth_problem_advice", message)]
        let body = pairs.map { "\(OAuth1.percentEncode($0.0))=\(OAuth1.percentEncode($0.1))" }.joined(separator: "&")
        var response = SandboxResponse.text(body, contentType: "application/x-www-form-urlencoded;charset=UTF-8", status: status)
        response.headers.add(name: "WWW-Authenticate", value: challenge(realm: realm))
        return response
    }

    private func challenge(realm: String) -> String {
        #"OAuth realm="\#(OAuth1.percentEncode(realm))", oauth_problem="\#(problem)""#
    }
}
