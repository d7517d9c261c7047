import NIOHTTP1
import Switchyard

/// The error body format of one API family, chosen by path prefix.
///
/// ```swift
/// ErrorDialect(path: "/wiki/api/v2/pages/1").response(for: .notFound("Page not found"))
/// // 404 {"errors":[{"status":404,"code":"NOT_FOUND","title":"Page not found","detail":null}]}
/// ```
enum ErrorDialect: Sendable {
    /// `{"errorMessages":[...],"errors":{...}}`
    case jira
    /// `{"errors":[{"status","code","title","detail"}]}`
    case confluenceV2
    /// `{"statusCode","data":{...},"message"}`
    case confluenceV1
    /// Jira Service Management: `{"errorMessage","i18nErrorMessage":{"i18nKey","parameters"}}`
    case serviceDesk

    init(path: String) {
        if path.hasPrefix("/wiki/api/v2") {
            self = .confluenceV2
        } else if path.hasPrefix("/wiki/") {
            self = .confluenceV1
        } else if path.hasPrefix(ServiceDeskRoutes.base + "/") || path.hasPrefix(JiraDeployment.dataCenterContextPath + ServiceDeskRoutes.base + "/") {
            self = .serviceDesk
        } else {
            self = .jira
        }
    }

    func response(for error: APIError) -> SandboxResponse {
        var response = SandboxResponse.json(body(for: error), status: error.status)
        for (name, value) in error.headers { response.headers.add(name: name, value: value) }
        return response
    }

    private func body(for error: APIError) -> JSONValue {
        let status = Int(error.status.code)
        switch self {
        case .jira:
            return ["errorMessages": .array(error.messages.map { .string($0) }), "errors": .object(error.fieldErrors)]
        case .serviceDesk:
            // Field errors of the issue the request creates fold into the one message.
            let fieldMessages = error.fieldErrors.map { "\($0.key): \($0.value.stringValue ?? "invalid")" }
            let message = (error.messages + fieldMessages).joined(separator: " ")
            return [
                "errorMessage": .string(message.isEmpty ? error.status.reasonPhrase : message),
                "i18nErrorMessage": ["i18nKey": .string("sd.sandbox.error.\(status)"), "parameters": []],
            ]
        case .confluenceV2:
            let titles = error.messages.isEmpty ? [error.status.reasonPhrase] : error.messages
            return [
                "errors": .array(
                    titles.map { ["status": .number(JSONNumber(status)), "code": .string(code(for: error.status)), "title": .string($0), "detail": nil] }
                )
            ]
        case .confluenceV1:
            return [
                "statusCode": .number(JSONNumber(status)),
                "data": [
                    "authorized": .bool(error.status != .unauthorized),
                    "valid": .bool(error.status != .badRequest),
                    "allowedInReadOnlyMode": true,
                    "errors": [],
                    "successful": false,
                ],
                "message": .string(error.messages.first ?? error.status.reasonPhrase),
                "reason": .string(error.status.reasonPhrase),
            ]
        }
    }

    private func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .badRequest: "INVALID_REQUEST_PARAMETER"
        case .unauthorized: "UNAUTHORIZED"
        case .forbidden: "FORBIDDEN"
        case .notFound: "NOT_FOUND"
        case .methodNotAllowed: "METHOD_NOT_ALLOWED"
        case .conflict: "CONFLICT"
        case .payloadTooLarge: "REQUEST_ENTITY_TOO_LARGE"
        default: "INTERNAL_SERVER_ERROR"
        }
    }
}
