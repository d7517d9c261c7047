import Foundation

/// Reads the `--config` and `--credentials` files.
///
/// Config holds non-secret values per connector; credentials hold secrets and must not be readable by
/// other users: a file with group or other permissions is refused, with the `chmod` that fixes it.
public enum SettingsFile {
    /// `{"jira": {"subdomain": "acme"}}`
    public static func loadConfig(path: String) throws(ExecutionError) -> [String: JSONObject] {
        let json = try readJSON(path: path, what: "config")
        guard let object = json.objectValue else {
            throw ExecutionError(kind: .config, message: "config file \(path) must hold an object of connector name → settings")
        }
        var result: [String: JSONObject] = [:]
        for member in object {
            guard let settings = member.value.objectValue else {
                throw ExecutionError(kind: .config, message: "config file \(path): '\(member.key)' must be an object of config variable → value")
            }
            result[member.key] = settings
        }
        return result
    }

    /// `{"jira": {"method": "api_token", "email": "…", "api_token": "…"}}`, or a jirametrics Jira config
    /// (`{"url": "…", "email": "…", "api_token": "…"}`, see ``JirametricsCredentials``).
    public static func loadCredentials(path: String) throws(ExecutionError) -> [String: [String: String]] {
        try requirePrivate(path: path)
        let json = try readJSON(path: path, what: "credentials")
        guard let object = json.objectValue else {
            throw ExecutionError(kind: .config, message: "credentials file \(path) must hold an object of connector name → credential fields")
        }
        if JirametricsCredentials.matches(object) {
            return try JirametricsCredentials.credentials(from: object, path: path)
        }
        var result: [String: [String: String]] = [:]
        for member in object {
            guard let fields = member.value.objectValue else {
                throw ExecutionError(kind: .config, message: "credentials file \(path): '\(member.key)' must be an object of field → string")
            }
            var values: [String: String] = [:]
            for field in fields {
                guard let text = field.value.stringValue else {
                    throw ExecutionError(kind: .config, message: "credentials file \(path): '\(member.key).\(field.key)' must be a string")
                }
                values[field.key] = text
            }
            result[member.key] = values
        }
        return result
    }

    /// Refuses a file that group or others may read or write.
    static func requirePrivate(path: String) throws(ExecutionError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw ExecutionError(kind: .config, message: "cannot read credentials file \(path)")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 {
            throw ExecutionError(
                kind: .config,
                message: "credentials file \(path) is readable by other users (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
            )
        }
    }

    private static func readJSON(path: String, what: String) throws(ExecutionError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExecutionError(kind: .config, message: "cannot read \(what) file \(path)")
        }
        do {
            return try JSONValue(parsing: data)
        } catch {
            // The parse error names a position only, never content, so no secret can leak through it.
            throw ExecutionError(kind: .config, message: "\(what) file \(path) is not valid JSON: \(error)")
        }
    }
}
