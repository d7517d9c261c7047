import NIOHTTP1
import Switchyard

/// A failure a route reports; the route's ``ErrorDialect`` decides how the body looks on the wire.
///
/// ```swift
/// throw APIError.notFound("Issue does not exist or you do not have permission to see it.")
/// throw APIError.invalidFields(["summary": "You must specify a summary of the issue."])
/// ```
struct APIError: Error, Sendable {
    let status: HTTPResponseStatus
    /// General messages (Jira `errorMessages`, Confluence `title` / `message`).
    let messages: [String]
    /// Per-field messages (Jira `errors`); empty for Confluence.
    let fieldErrors: JSONObject
    var headers: HTTPHeaders = [:]

    init(_ status: HTTPResponseStatus, _ messages: [String], fieldErrors: JSONObject = [:]) {
        self.status = status
        self.messages = messages
        self.fieldErrors = fieldErrors
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(.badRequest, [message])
    }

    static func notFound(_ message: String) -> APIError {
        APIError(.notFound, [message])
    }

    static func conflict(_ message: String) -> APIError {
        APIError(.conflict, [message])
    }

    /// A Jira-style validation failure: `{"errorMessages":[],"errors":{"field":"message"}}`.
    static func invalidFields(_ errors: JSONObject) -> APIError {
        APIError(.badRequest, [], fieldErrors: errors)
    }
}
