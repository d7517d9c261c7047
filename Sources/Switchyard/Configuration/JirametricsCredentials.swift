/// Reads a jirametrics Jira config file, unchanged, as Switchyard credentials: the site's `url` and one
/// way to sign in, whose keys pick the auth method.
///
/// ```json
/// {"url": "https://acme.atlassian.net", "email": "me@acme.com", "api_token": "…"}
/// {"url": "https://jira.acme.com", "personal_access_token": "…"}
/// {"url": "https://jira.acme.com", "cookies": {"JSESSIONID": "…", "atlassian.xsrf.token": "…"}}
/// ```
///
/// The fields go to both Jira connectors, `jira` and `jira-datacenter`, with `base_url` from `url`; the
/// site's host then switches on the flavour that fits (``DeploymentDetection``). Browser cookies have no
/// Cloud scheme, so they reach `jira-datacenter` only.
enum JirametricsCredentials {
    /// The forms a file may take, each by its keys besides `url`.
    private static let forms: [(name: String, keys: Set<String>)] = [
        ("email + api_token", ["email", "api_token"]),
        ("personal_access_token", ["personal_access_token"]),
        ("cookies", ["cookies"]),
    ]

    /// Whether `object` is a jirametrics file rather than Switchyard's connector → fields map.
    static func matches(_ object: JSONObject) -> Bool {
        object["url"]?.stringValue != nil
    }

    static func credentials(from object: JSONObject, path: String) throws(ExecutionError) -> [String: [String: String]] {
        let known = forms.reduce(into: Set(["url"])) { $0.formUnion($1.keys) }
        let unknown = object.map(\.key).filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw ExecutionError(
                kind: .config,
                message: "credentials file \(path) looks like a jirametrics config (it has 'url') but also has \(unknown.map { "'\($0)'" }.joined(separator: ", ")); it takes url with email + api_token, personal_access_token or cookies"
            )
        }
        let present = forms.filter { form in form.keys.contains { object[$0] != nil } }
        guard present.count == 1, let form = present.first else {
            let message = present.isEmpty
                ? "credentials file \(path) has a jirametrics 'url' but no way to sign in: add email + api_token, personal_access_token or cookies"
                : "credentials file \(path) mixes jirametrics forms: \(present.map { form in form.keys.sorted().filter { object[$0] != nil }.joined(separator: " + ") }.joined(separator: " and ")) conflict; keep one"
            throw ExecutionError(kind: .config, message: message)
        }
        let url = object["url"]?.stringValue ?? ""
        func string(_ key: String) throws(ExecutionError) -> String {
            guard let value = object[key]?.stringValue, !value.isEmpty else {
                throw ExecutionError(kind: .config, message: "credentials file \(path): jirametrics '\(key)' must be a non-empty string")
            }
            return value
        }
        switch form.name {
        case "email + api_token":
            let email = try string("email")
            let token = try string("api_token")
            return [
                "jira": ["method": "api_token", "email": email, "api_token": token, "base_url": url],
                "jira-datacenter": ["method": "basic", "username": email, "password": token, "base_url": url],
            ]
        case "personal_access_token":
            let token = try string("personal_access_token")
            return [
                "jira": ["method": "pat", "pat": token, "base_url": url],
                "jira-datacenter": ["method": "pat", "pat": token, "base_url": url],
            ]
        default:
            guard let cookies = object["cookies"]?.objectValue, !cookies.isEmpty, cookies.allSatisfy({ $0.value.stringValue != nil }) else {
                throw ExecutionError(kind: .config, message: "credentials file \(path): jirametrics 'cookies' must be an object of cookie name → value")
            }
            return ["jira-datacenter": ["method": "cookie", "cookies": JSONValue.object(cookies).serialized(), "base_url": url]]
        }
    }
}
