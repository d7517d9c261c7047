import Switchyard

/// Turns `components.securitySchemes` into the manifest's `auth.schemes`.
///
/// | OpenAPI | manifest |
/// |---|---|
/// | `http` `basic` | `basic` with `username` and `password` fields |
/// | `http` `bearer` | `bearer` with a `token` field |
/// | `apiKey` in `header` or `query` | `api_key` |
/// | `apiKey` in `cookie` | `cookie`, sending `NAME={api_key}` |
/// | `oauth2` with an `authorizationCode`, `clientCredentials` or `password` flow | `oauth2` with its URLs and every scope |
///
/// Other schemes (`openIdConnect`, `mutualTLS`, HTTP schemes other than basic and bearer, implicit-only
/// OAuth) are left out with a note. Credentials are read from `<CONNECTOR>_<FIELD>` environment variables.
///
/// ```swift
/// let auth = AuthImporter.importSchemes(spec["components"]?["securitySchemes"], connector: "petstore")
/// auth.schemes   // {"api_key": {"type": "api_key", "in": "header", …}}
/// ```
enum AuthImporter {
    struct Result {
        var schemes = JSONObject()
        var notes: [String] = []
    }

    static func importSchemes(_ json: JSONValue?, connector: String, converter: inout SchemaConverter) -> Result {
        var result = Result()
        let prefix = connector.uppercased().replacingOccurrences(of: "-", with: "_")
        for member in json?.objectValue ?? JSONObject() {
            guard let scheme = converter.dereference(member.value, at: JSONPointer(tokens: ["components", "securitySchemes", member.key])) else {
                result.notes.append("security scheme '\(member.key)': unresolved reference; left out")
                continue
            }
            var id = ImportNaming.snakeCase(member.key)
            while result.schemes[id] != nil { id += "_2" }
            let description = scheme["description"]?.stringValue.map { DescriptionText.condense($0, limit: DescriptionText.actionLimit) }
            func field(_ name: String, _ text: String, secret: Bool = true) -> (String, JSONValue) {
                var object: JSONObject = ["description": .string(text), "env": [.string("\(prefix)_\(name.uppercased())")]]
                if !secret { object["secret"] = false }
                return (name, .object(object))
            }
            var entry: JSONObject
            switch (scheme["type"]?.stringValue, scheme["scheme"]?.stringValue?.lowercased(), scheme["in"]?.stringValue) {
            case ("http", "basic", _):
                entry = [
                    "type": "basic", "description": .string(description ?? "HTTP basic authentication."),
                    "fields": .object(JSONObject([field("username", "User name", secret: false), field("password", "Password or API token")])),
                    "username": "{username}", "password": "{password}",
                ]
            case ("http", "bearer", _):
                entry = [
                    "type": "bearer", "description": .string(description ?? "Bearer token."),
                    "fields": .object(JSONObject([field("token", "Bearer token")])), "token": "{token}",
                ]
            case ("apiKey", _, let placement?) where placement == "header" || placement == "query":
                entry = [
                    "type": "api_key", "description": .string(description ?? "API key."),
                    "fields": .object(JSONObject([field("api_key", "API key")])),
                    "in": .string(placement), "name": .string(scheme["name"]?.stringValue ?? member.key), "value": "{api_key}",
                ]
            case ("apiKey", _, "cookie"):
                entry = [
                    "type": "cookie", "description": .string(description ?? "API key sent as a cookie."),
                    "fields": .object(JSONObject([field("api_key", "API key")])),
                    "cookies": .string("\(scheme["name"]?.stringValue ?? member.key)={api_key}"),
                ]
            case ("oauth2", _, _):
                guard let oauth = oauth2(scheme, description: description, field: field) else {
                    result.notes.append("security scheme '\(member.key)': OAuth 2.0 without a token URL (implicit flow only); left out")
                    continue
                }
                entry = oauth
            default:
                result.notes.append("security scheme '\(member.key)' (\(scheme["type"]?.stringValue ?? "no type")) has no manifest equivalent; left out")
                continue
            }
            result.schemes[id] = .object(entry)
        }
        return result
    }

    private static func oauth2(
        _ scheme: JSONValue, description: String?, field: (String, String, Bool) -> (String, JSONValue)
    ) -> JSONObject? {
        let flows = scheme["flows"]?.objectValue ?? JSONObject()
        let flow = ["authorizationCode", "clientCredentials", "password"].lazy.compactMap { flows[$0] }.first { $0["tokenUrl"]?.stringValue != nil }
        guard let flow, let tokenURL = flow["tokenUrl"]?.stringValue else { return nil }
        var entry: JSONObject = [
            "type": "oauth2", "description": .string(description ?? "OAuth 2.0."),
            "fields": .object(JSONObject([
                field("client_id", "OAuth client id", false), field("client_secret", "OAuth client secret", true),
                field("access_token", "Access token", true), field("refresh_token", "Refresh token", true),
            ])),
            "client_id": "{client_id}", "client_secret": "{client_secret}", "access_token": "{access_token}",
            "refresh_token": "{refresh_token}", "token_url": .string(escapedBraces(tokenURL)),
        ]
        if let authorize = flow["authorizationUrl"]?.stringValue { entry["authorize_url"] = .string(escapedBraces(authorize)) }
        let scopes = flow["scopes"]?.objectValue?.keys.filter { !$0.isEmpty && !$0.contains(where: \.isWhitespace) } ?? []
        if !scopes.isEmpty { entry["scopes"] = .array(scopes.map(JSONValue.string)) }
        return entry
    }

    /// A literal URL as a template: braces doubled so they are not read as placeholders.
    static func escapedBraces(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// The OAuth scopes an operation needs: those its `security` requirements list (or the document's,
    /// when it has none) plus Atlassian's `x-atlassian-oauth2-scopes` entries in the `Current` state.
    static func scopes(of operation: JSONValue, document: JSONValue) -> [String] {
        var scopes: [String] = []
        func add(_ list: [JSONValue]?) {
            for scope in list?.compactMap(\.stringValue) ?? [] where !scopes.contains(scope) { scopes.append(scope) }
        }
        let requirements = operation["security"]?.arrayValue ?? document["security"]?.arrayValue ?? []
        for requirement in requirements {
            for member in requirement.objectValue ?? JSONObject() { add(member.value.arrayValue) }
        }
        for entry in operation["x-atlassian-oauth2-scopes"]?.arrayValue ?? [] {
            let state = entry["state"]?.stringValue
            if state == nil || state == "Current" { add(entry["scopes"]?.arrayValue) }
        }
        return scopes
    }
}
