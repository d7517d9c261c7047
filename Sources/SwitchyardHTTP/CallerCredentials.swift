import Foundation
import HTTPTypes
import Switchyard

/// Reads the caller's Atlassian credentials (and, where the server allows it, their site) from an HTTP
/// request, for `--auth per-request`.
///
/// - `Authorization: Bearer <OAuth 2.0 access token>`, `Token <personal access token>` (sent on as Bearer)
///   or `Basic <base64 email:api_token>` — the forms mcp-atlassian accepts — for every connector;
/// - `X-Switchyard-Credential-<connector>: <one of those forms>` for one connector, overriding it;
/// - `X-Atlassian-Jira-Url`, `X-Atlassian-Confluence-Url` and `X-Switchyard-Site-<connector>` name the
///   site, only when the server lists its host in `--allow-site-header`.
///
/// ```swift
/// let reader = CallerCredentials(siteHosts: ["*.atlassian.net"])
/// let caller = try reader.identity(from: request.headers)   // CallerIdentity, or a refusal naming the header
/// ```
struct CallerCredentials: Sendable {
    /// Why a request's credentials cannot be used; the message names the header, never its value.
    struct Refusal: Error, Equatable {
        let status: Int
        let message: String
    }

    static let credentialPrefix = "x-switchyard-credential-"
    static let sitePrefix = "x-switchyard-site-"

    /// Host patterns a site header may name (`*.atlassian.net`, `jira.example.com`); `nil` ignores site
    /// headers altogether.
    let siteHosts: [String]?

    init(siteHosts: [String]?) {
        self.siteHosts = siteHosts?.map { $0.lowercased() }
    }

    func identity(from headers: HTTPFields) throws(Refusal) -> CallerIdentity {
        var identity = CallerIdentity()
        if let authorization = headers[.authorization] {
            identity.credential = try Self.credential(authorization, header: "Authorization")
        }
        for field in headers {
            let name = field.name.canonicalName
            if name.hasPrefix(Self.credentialPrefix), name.count > Self.credentialPrefix.count {
                let connector = String(name.dropFirst(Self.credentialPrefix.count))
                identity.connectorCredentials[connector] = try Self.credential(field.value, header: field.name.rawName)
            } else if name.hasPrefix(Self.sitePrefix), name.count > Self.sitePrefix.count {
                identity.siteURLs[String(name.dropFirst(Self.sitePrefix.count))] = try site(field.value, header: field.name.rawName)
            } else if name == "x-atlassian-jira-url" {
                identity.siteURLs["jira*"] = try site(field.value, header: field.name.rawName)
            } else if name == "x-atlassian-confluence-url" {
                identity.siteURLs["confluence*"] = try site(field.value, header: field.name.rawName)
            }
        }
        guard !identity.isEmpty else {
            throw Refusal(status: 401, message: "this server acts as each caller: send your Atlassian credential as Authorization: Bearer <OAuth access token>, Token <personal access token> or Basic <base64 email:api_token>, or as X-Switchyard-Credential-<connector>")
        }
        return identity
    }

    private static func credential(_ value: String, header: String) throws(Refusal) -> Credential {
        let parts = value.split(separator: " ", maxSplits: 1)
        let token = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard parts.count == 2, !token.isEmpty else {
            throw Refusal(status: 401, message: "\(header) must be 'Bearer <token>', 'Token <personal access token>' or 'Basic <base64 email:api_token>'")
        }
        switch parts[0].lowercased() {
        case "bearer", "token":
            return .bearer(token: token)
        case "basic":
            guard let decoded = Data(base64Encoded: token).flatMap({ String(data: $0, encoding: .utf8) }),
                  let colon = decoded.firstIndex(of: ":"), colon != decoded.startIndex else {
                throw Refusal(status: 401, message: "\(header): Basic credentials must be base64 of 'email:api_token'")
            }
            return .basic(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
        default:
            throw Refusal(status: 401, message: "\(header) uses the scheme '\(parts[0])'; this server takes Bearer, Token or Basic")
        }
    }

    private func site(_ value: String, header: String) throws(Refusal) -> String {
        guard let siteHosts else {
            throw Refusal(status: 400, message: "\(header) names a site, but this server does not take sites from requests (see --allow-site-header)")
        }
        guard let url = URLComponents(string: value), let scheme = url.scheme?.lowercased(), ["https", "http"].contains(scheme),
              let host = url.host?.lowercased(), url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            throw Refusal(status: 400, message: "\(header) must be an absolute http(s) URL without credentials, query or fragment")
        }
        guard siteHosts.contains(where: { Glob.matches($0, host) }) else {
            throw Refusal(status: 403, message: "\(header) names the host \(host), which --allow-site-header does not allow")
        }
        return value
    }
}
