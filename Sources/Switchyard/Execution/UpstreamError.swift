import Foundation

/// Turns an HTTP error response into an ``ExecutionError``: the kind from the status, the message and
/// details from the body.
///
/// It reads Jira's `{"errorMessages":[…],"errors":{…}}`, Confluence v1's `{"message": …}` and v2's
/// `{"errors":[{"title": …}]}`, OAuth's `{"error_description": …}`, and falls back to a short excerpt of
/// a text or HTML body.
enum UpstreamError {
    static func executionError(for response: HTTPResponse) -> ExecutionError {
        let status = response.status
        let kind = kind(for: status)
        var details = JSONObject()
        var message: String?
        if response.looksLikeJSON, let body = try? JSONValue(parsing: response.body.readableBytesView) {
            message = messageFromJSON(body, details: &details)
            details["body"] = body
        } else if response.body.readableBytes > 0 {
            let excerpt = textExcerpt(response.bodyText)
            if !excerpt.isEmpty {
                message = excerpt
                details["body_excerpt"] = .string(excerpt)
            }
            if let type = response.header("Content-Type") { details["content_type"] = .string(type) }
        }
        let retryAfter = RetryAfter.delay(from: response)
        if let retryAfter {
            details["retry_after_ms"] = .number(JSONNumber(retryAfter.milliseconds))
        }
        var text = message.map { "HTTP \(status): \($0)" } ?? "HTTP \(status) \(reason(for: status))"
        if status == 429, let retryAfter {
            text += " (the service asks to wait \(retryAfter.milliseconds) ms)"
        }
        return ExecutionError(
            kind: kind, message: text, status: status, details: .object(details),
            retryable: kind == .rateLimited || [502, 503, 504].contains(status)
        )
    }

    static func kind(for status: Int) -> ExecutionError.Kind {
        switch status {
        case 401: .auth
        case 403: .permission
        case 404, 410: .notFound
        case 409: .conflict
        case 429: .rateLimited
        case 400..<500: .validation
        default: .upstream
        }
    }

    private static func messageFromJSON(_ body: JSONValue, details: inout JSONObject) -> String? {
        var parts: [String] = []
        if let messages = body["errorMessages"]?.arrayValue {
            parts += messages.compactMap(\.stringValue)
        }
        if let fieldErrors = body["errors"]?.objectValue, !fieldErrors.isEmpty {
            details["field_errors"] = .object(fieldErrors)
            parts += fieldErrors.map { "\($0.key): \($0.value.displayText)" }
        }
        if let errorList = body["errors"]?.arrayValue {
            parts += errorList.compactMap { $0["title"]?.stringValue ?? $0["detail"]?.stringValue ?? $0["message"]?.stringValue }
        }
        if parts.isEmpty {
            for key in ["message", "error_description", "errorMessage", "error", "detail", "title"] {
                if let text = body[key]?.stringValue, !text.isEmpty {
                    parts.append(text)
                    break
                }
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The readable text of a body: tags stripped, whitespace collapsed, at most 300 characters.
    static func textExcerpt(_ text: String) -> String {
        var output = ""
        var inTag = false
        var lastWasSpace = true
        for character in text {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; continue }
            if inTag { continue }
            if character.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
            if output.count >= 300 { return output + "…" }
        }
        return output.trimmingCharacters(in: .whitespaces)
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "error"
        }
    }
}
