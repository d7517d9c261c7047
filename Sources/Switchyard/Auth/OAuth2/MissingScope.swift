/// Explains a refusal that is about OAuth scopes. Atlassian's gateway answers a token that lacks a scope the
/// operation needs with 401 "Unauthorized; scope does not match" (other APIs say 403 and name the scope); the
/// raw answer does not say what to do, so the error names the scopes the action declares and the login that
/// grants them.
///
/// ```swift
/// MissingScope.explained(error, action: create, connector: "jira", method: "oauth2")
/// // auth: the OAuth 2.0 token lacks a scope jira issues create needs (write:jira-work); grant it: switchyard auth login jira --method oauth2
/// ```
public enum MissingScope {
    public static func explained(_ error: ExecutionError, action: Action, connector: String, method: String?) -> ExecutionError {
        guard error.status == 401 || error.status == 403, !action.scopes.isEmpty, error.message.lowercased().contains("scope") else {
            return error
        }
        let login = "switchyard auth login \(connector) --method \(method ?? "oauth2")"
        var details = error.details.objectValue ?? JSONObject()
        details["scopes"] = .array(action.scopes.map(JSONValue.string))
        details["login"] = .string(login)
        return ExecutionError(
            kind: .auth,
            message: "the OAuth 2.0 token lacks a scope this action needs (\(action.scopes.joined(separator: ", "))); grant it by logging in again: \(login) (\(error.message))",
            status: error.status, details: .object(details), retryable: false
        )
    }
}
