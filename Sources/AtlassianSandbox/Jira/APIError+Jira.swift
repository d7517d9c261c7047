/// Jira's standard error messages.
extension APIError {
    static let issueNotFound = APIError.notFound("Issue does not exist or you do not have permission to see it.")

    static func projectNotFound(_ idOrKey: String) -> APIError {
        .notFound("No project could be found with key '\(idOrKey)'.")
    }

    static func commentNotFound(_ id: String) -> APIError {
        .notFound("Can not find a comment for the id: \(id).")
    }
}
