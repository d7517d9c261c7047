import AsyncHTTPClient
import AtlassianSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Switchyard
import Testing

/// The sandbox as an OAuth 2.0 (3LO) authorization server and API gateway, an OAuth 1.0a provider and a
/// cookie-session server, exercised over loopback the way real clients would.
@Suite("Sandbox auth providers")
struct SandboxAuthProviderTests {
    static let redirectURI = "http://127.0.0.1:8765/callback"
    static let scope = "read:jira-work read:jira-user offline_access"

    // MARK: OAuth 2.0 (3LO)

    @Test("The 3LO code flow by hand: authorize, code, token, accessible-resources, a gateway API call")
    func threeLeggedCodeFlow() async throws {
        try await withAuthSandbox { server, http in
            let authorize = try await http.send(.GET, server.baseURL + Self.authorizePath(state: "st/ate 1"))
            #expect(authorize.status == 302)
            let location = try #require(authorize.header("Location"))
            #expect(location.hasPrefix(Self.redirectURI + "?code="))
            let callback = Self.queryItems(location)
            #expect(callback["state"] == "st/ate 1")
            let code = try #require(callback["code"])

            let token = try await http.send(
                .POST, server.baseURL + "/oauth/token",
                json: [
                    "grant_type": "authorization_code", "client_id": .string(SandboxCredentials.oauthClientID),
                    "client_secret": .string(SandboxCredentials.oauthClientSecret), "code": .string(code),
                    "redirect_uri": .string(Self.redirectURI),
                ]
            )
            #expect(token.status == 200)
            let tokens = try token.json
            #expect(tokens["token_type"]?.stringValue == "Bearer")
            #expect(tokens["expires_in"]?.intValue == 3_600)
            #expect(tokens["scope"]?.stringValue == Self.scope)
            #expect(tokens["refresh_token"]?.stringValue?.isEmpty == false)
            let accessToken = try #require(tokens["access_token"]?.stringValue)

            let resources = try await http.send(.GET, server.baseURL + "/oauth/token/accessible-resources", bearer: accessToken)
            #expect(resources.status == 200)
            let sites = try #require(try resources.json.arrayValue)
            #expect(sites.count == 1)
            #expect(sites.first?["id"]?.stringValue == SandboxCredentials.cloudID)
            #expect(sites.first?["name"]?.stringValue == "Demo Site")
            #expect(sites.first?["url"]?.stringValue == server.baseURL)
            #expect(sites.first?["scopes"] == ["read:jira-work", "read:jira-user", "offline_access"])
            #expect(sites.first?["avatarUrl"]?.stringValue?.hasPrefix("https://") == true)

            let gatewayBase = "\(server.baseURL)/ex/jira/\(SandboxCredentials.cloudID)"
            let myself = try await http.send(.GET, gatewayBase + "/rest/api/3/myself", bearer: accessToken)
            #expect(myself.status == 200)
            #expect(try myself.json["displayName"]?.stringValue == "Demo User")
            #expect(try myself.json["self"]?.stringValue?.hasPrefix(gatewayBase + "/rest/api/3/user") == true)
            let spaces = try await http.send(
                .GET, "\(server.baseURL)/ex/confluence/\(SandboxCredentials.cloudID)/wiki/api/v2/spaces", bearer: accessToken
            )
            #expect(spaces.status == 200)
            #expect(server.oauth.tokenRequests == 1)
            #expect(server.oauth.refreshCount == 0)
        }
    }

    @Test("The token endpoint takes a form body as well as JSON, and an authorization code works only once")
    func formBodyAndOneTimeCode() async throws {
        try await withAuthSandbox { server, http in
            let code = try await Self.authorizationCode(server, http)
            let form = "grant_type=authorization_code&client_id=sandbox-client&client_secret=sandbox-client-secret"
                + "&code=\(code)&redirect_uri=\(OAuth1.percentEncode(Self.redirectURI))"
            let first = try await http.send(.POST, server.baseURL + "/oauth/token", form: form)
            #expect(first.status == 200)
            #expect(try first.json["access_token"]?.stringValue?.isEmpty == false)
            let again = try await http.send(.POST, server.baseURL + "/oauth/token", form: form)
            #expect(again.status == 403)
            #expect(try again.json["error"]?.stringValue == "invalid_grant")
        }
    }

    @Test("/authorize refuses an unknown client_id with 400")
    func unknownClientIsRefused() async throws {
        try await withAuthSandbox { server, http in
            let response = try await http.send(.GET, server.baseURL + Self.authorizePath(state: "s", clientID: "someone-else"))
            #expect(response.status == 400)
            #expect(response.header("Location") == nil)
        }
    }

    @Test("A wrong client secret is 401 access_denied; an unknown grant type is 400")
    func badClientAndGrant() async throws {
        try await withAuthSandbox { server, http in
            let code = try await Self.authorizationCode(server, http)
            let wrongSecret = try await http.send(
                .POST, server.baseURL + "/oauth/token",
                json: [
                    "grant_type": "authorization_code", "client_id": "sandbox-client", "client_secret": "nope", "code": .string(code),
                    "redirect_uri": .string(Self.redirectURI),
                ]
            )
            #expect(wrongSecret.status == 401)
            #expect(try wrongSecret.json["error"]?.stringValue == "access_denied")
            let password = try await http.send(.POST, server.baseURL + "/oauth/token", json: ["grant_type": "password"])
            #expect(password.status == 400)
            #expect(try password.json["error"]?.stringValue == "unsupported_grant_type")
        }
    }

    @Test("Each refresh rotates the refresh token; reusing the old one is 403 invalid_grant")
    func refreshTokensRotate() async throws {
        try await withAuthSandbox { server, http in
            let first = try await Self.exchangeCode(server, http)
            let refreshed = try await Self.refresh(first.refreshToken, server, http)
            #expect(refreshed.status == 200)
            let second = try refreshed.json
            let newRefreshToken = try #require(second["refresh_token"]?.stringValue)
            #expect(newRefreshToken != first.refreshToken)
            #expect(second["access_token"]?.stringValue != first.accessToken)
            #expect(second["scope"]?.stringValue == Self.scope)

            let reused = try await Self.refresh(first.refreshToken, server, http)
            #expect(reused.status == 403)
            #expect(reused.text == #"{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}"#)
            #expect(try await Self.refresh(newRefreshToken, server, http).status == 200)
            #expect(server.oauth.refreshCount == 3)
            #expect(server.oauth.tokenRequests == 4)
        }
    }

    @Test("Concurrent refreshes with one refresh token: exactly one succeeds")
    func concurrentRefreshesWithOneToken() async throws {
        try await withAuthSandbox { server, http in
            let tokens = try await Self.exchangeCode(server, http)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await Self.refresh(tokens.refreshToken, server, http).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 403 }.count == 7)
            #expect(server.oauth.refreshCount == 8)
        }
    }

    @Test("An expired access token gets 401 saying so; a refresh brings the gateway back")
    func expiryThenRefresh() async throws {
        try await withAuthSandbox { server, http in
            let tokens = try await Self.exchangeCode(server, http)
            let url = "\(server.baseURL)/ex/jira/\(SandboxCredentials.cloudID)/rest/api/3/myself"
            #expect(try await http.send(.GET, url, bearer: tokens.accessToken).status == 200)

            server.oauth.expireAccessTokens()
            let expired = try await http.send(.GET, url, bearer: tokens.accessToken)
            #expect(expired.status == 401)
            #expect(try expired.json["message"]?.stringValue?.contains("expired") == true)
            #expect(expired.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)

            let refreshed = try await Self.refresh(tokens.refreshToken, server, http)
            let newAccessToken = try #require(try refreshed.json["access_token"]?.stringValue)
            #expect(try await http.send(.GET, url, bearer: newAccessToken).status == 200)
        }
    }

    @Test("The access-token lifetime is configurable and tokens lapse on their own")
    func shortLifetime() async throws {
        try await withAuthSandbox { server, http in
            server.oauth.accessTokenLifetime = .seconds(2)
            let code = try await Self.authorizationCode(server, http)
            let response = try await Self.exchange(code, server, http)
            #expect(try response.json["expires_in"]?.intValue == 2)
            let accessToken = try #require(try response.json["access_token"]?.stringValue)
            let url = "\(server.baseURL)/ex/jira/\(SandboxCredentials.cloudID)/rest/api/3/myself"
            #expect(try await http.send(.GET, url, bearer: accessToken).status == 200)
            try await Task.sleep(for: .milliseconds(2_100))
            #expect(try await http.send(.GET, url, bearer: accessToken).status == 401)
            #expect(try await http.send(.GET, server.baseURL + "/oauth/token/accessible-resources", bearer: accessToken).status == 401)
        }
    }

    @Test("The gateway wants an access token for a listed cloud id; site paths do not take access tokens")
    func gatewayRules() async throws {
        try await withAuthSandbox { server, http in
            let tokens = try await Self.exchangeCode(server, http)
            let wrongCloud = try await http.send(.GET, server.baseURL + "/ex/jira/not-a-cloud/rest/api/3/myself", bearer: tokens.accessToken)
            #expect(wrongCloud.status == 404)
            let gateway = "\(server.baseURL)/ex/jira/\(SandboxCredentials.secondCloudID)/rest/api/3/myself"
            #expect(try await http.send(.GET, gateway, bearer: tokens.accessToken).status == 404)
            server.oauth.siteCount = 2
            #expect(try await http.send(.GET, gateway, bearer: tokens.accessToken).status == 200)
            let resources = try await http.send(.GET, server.baseURL + "/oauth/token/accessible-resources", bearer: tokens.accessToken)
            #expect(try resources.json.arrayValue?.compactMap { $0["id"]?.stringValue } == [SandboxCredentials.cloudID, SandboxCredentials.secondCloudID])

            #expect(try await http.send(.GET, gateway).status == 401)
            #expect(try await http.send(.GET, gateway, bearer: "made-up").status == 401)
            #expect(try await http.send(.GET, gateway, authorization: SandboxCredentials.basicAuthorization).status == 401)
            #expect(try await http.send(.GET, server.baseURL + "/rest/api/3/myself", bearer: tokens.accessToken).status == 401)
        }
    }

    // MARK: OAuth 1.0a

    @Test("The OAuth 1.0a dance: request token, authorize, access token, then a signed API call")
    func oauth1Dance() async throws {
        try await withAuthSandbox { server, http in
            let consumer = try Self.consumer(token: nil)
            let requestTokenURL = server.baseURL + "/plugins/servlet/oauth/request-token"
            let step1 = try await http.send(
                .POST, requestTokenURL,
                authorization: consumer.authorizationHeader(
                    method: "POST", url: requestTokenURL, extraOAuthParameters: [("oauth_callback", "http://127.0.0.1:9/done?x=1")]
                )
            )
            #expect(step1.status == 200)
            let issued = Self.formItems(step1.text)
            #expect(issued["oauth_callback_confirmed"] == "true")
            #expect(issued["oauth_token_secret"]?.isEmpty == false)
            let requestToken = try #require(issued["oauth_token"])

            let step2 = try await http.send(.GET, server.baseURL + "/plugins/servlet/oauth/authorize?oauth_token=\(requestToken)")
            #expect(step2.status == 302)
            let location = try #require(step2.header("Location"))
            #expect(location.hasPrefix("http://127.0.0.1:9/done?x=1&oauth_token="))
            let callback = Self.queryItems(location)
            #expect(callback["oauth_token"] == requestToken)
            let verifier = try #require(callback["oauth_verifier"])

            let accessTokenURL = server.baseURL + "/plugins/servlet/oauth/access-token"
            let step3 = try await http.send(
                .POST, accessTokenURL,
                authorization: consumer.with(token: requestToken).authorizationHeader(
                    method: "POST", url: accessTokenURL, extraOAuthParameters: [("oauth_verifier", verifier)]
                )
            )
            #expect(step3.status == 200)
            let accessToken = try #require(Self.formItems(step3.text)["oauth_token"])
            #expect(Self.formItems(step3.text)["oauth_token_secret"]?.isEmpty == false)

            let myselfURL = server.baseURL + "/rest/api/2/myself"
            let myself = try await http.send(
                .GET, myselfURL, authorization: consumer.with(token: accessToken).authorizationHeader(method: "GET", url: myselfURL)
            )
            #expect(myself.status == 200)
            #expect(try myself.json["displayName"]?.stringValue == "Demo User")

            // The request token is spent once traded.
            let replay = try await http.send(
                .POST, accessTokenURL,
                authorization: consumer.with(token: requestToken).authorizationHeader(
                    method: "POST", url: accessTokenURL, extraOAuthParameters: [("oauth_verifier", verifier)]
                )
            )
            #expect(replay.status == 401)
            #expect(Self.formItems(replay.text)["oauth_problem"] == "token_rejected")
        }
    }

    @Test("An out-of-band callback shows the verifier on a page; a wrong verifier is refused")
    func oauth1OutOfBand() async throws {
        try await withAuthSandbox { server, http in
            let consumer = try Self.consumer(token: nil)
            let requestTokenURL = server.baseURL + "/plugins/servlet/oauth/request-token"
            let step1 = try await http.send(
                .POST, requestTokenURL,
                authorization: consumer.authorizationHeader(method: "POST", url: requestTokenURL, extraOAuthParameters: [("oauth_callback", "oob")])
            )
            let requestToken = try #require(Self.formItems(step1.text)["oauth_token"])
            let page = try await http.send(.GET, server.baseURL + "/plugins/servlet/oauth/authorize?oauth_token=\(requestToken)")
            #expect(page.status == 200)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            let verifierRange = try #require(page.text.range(of: #"(?<=id="oauth-verifier">)[0-9a-f]+"#, options: .regularExpression))
            let verifier = String(page.text[verifierRange])

            let accessTokenURL = server.baseURL + "/plugins/servlet/oauth/access-token"
            let wrong = try await http.send(
                .POST, accessTokenURL,
                authorization: consumer.with(token: requestToken).authorizationHeader(
                    method: "POST", url: accessTokenURL, extraOAuthParameters: [("oauth_verifier", "0000")]
                )
            )
            #expect(wrong.status == 401)
            let right = try await http.send(
                .POST, accessTokenURL,
                authorization: consumer.with(token: requestToken).authorizationHeader(
                    method: "POST", url: accessTokenURL, extraOAuthParameters: [("oauth_verifier", verifier)]
                )
            )
            #expect(right.status == 200)
        }
    }

    @Test("A signed GET with query parameters is accepted")
    func signedGetWithQuery() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/rest/api/2/search?jql=project%20%3D%20DEMO%20ORDER%20BY%20key&maxResults=2&fields=summary,status"
            let response = try await http.send(.GET, url, authorization: try Self.consumer().authorizationHeader(method: "GET", url: url))
            #expect(response.status == 200)
            #expect(try response.json["issues"]?.arrayValue?.count == 2)
        }
    }

    @Test("A signed POST with form parameters is accepted, and the form is signed")
    func signedPostWithForm() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/__sandbox/echo/form?tag=a+b"
            let form: [(String, String)] = [("summary", "Fix it & ship"), ("labels", "one"), ("labels", "two")]
            let body = "summary=Fix+it+%26+ship&labels=one&labels=two"
            let header = try Self.consumer().authorizationHeader(method: "POST", url: url, formParameters: form)
            let accepted = try await http.send(.POST, url, form: body, authorization: header)
            #expect(accepted.status == 200)
            #expect(try accepted.json["form"]?["summary"] == ["Fix it & ship"])

            let otherHeader = try Self.consumer().authorizationHeader(method: "POST", url: url, formParameters: form)
            let tamperedBody = try await http.send(.POST, url, form: "summary=Fix+it+%26+ship&labels=one&labels=three", authorization: otherHeader)
            #expect(tamperedBody.status == 401)
            #expect(tamperedBody.header("WWW-Authenticate")?.contains(#"oauth_problem="signature_invalid""#) == true)
        }
    }

    @Test("A tampered signature, a changed query, an unknown consumer or token are each refused with 401")
    func tamperedRequestsAreRefused() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/rest/api/2/myself"
            let header = try Self.consumer().authorizationHeader(method: "GET", url: url)
            let tampered = try Self.replacingSignature(in: header)
            let badSignature = try await http.send(.GET, url, authorization: tampered)
            #expect(badSignature.status == 401)
            #expect(badSignature.header("WWW-Authenticate")?.contains(#"oauth_problem="signature_invalid""#) == true)
            #expect(try badSignature.json["errorMessages"]?[0]?.stringValue?.contains("signature does not verify") == true)

            let signedForOtherQuery = try Self.consumer().authorizationHeader(method: "GET", url: url + "?expand=groups")
            #expect(try await http.send(.GET, url + "?expand=applicationRoles", authorization: signedForOtherQuery).status == 401)

            let stranger = try OAuth1Signer(consumerKey: "someone-else", privateKeyPEM: Self.fixtureKey(), token: SandboxCredentials.oauth1AccessToken)
            let unknownConsumer = try await http.send(.GET, url, authorization: stranger.authorizationHeader(method: "GET", url: url))
            #expect(unknownConsumer.status == 401)
            #expect(unknownConsumer.header("WWW-Authenticate")?.contains("consumer_key_unknown") == true)

            let unknownToken = try await http.send(
                .GET, url, authorization: try Self.consumer(token: "not-issued").authorizationHeader(method: "GET", url: url)
            )
            #expect(unknownToken.status == 401)
            #expect(unknownToken.header("WWW-Authenticate")?.contains("token_rejected") == true)
        }
    }

    @Test("An old timestamp or a reused nonce is refused with 401")
    func replaysAreRefused() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/rest/api/2/myself"
            let stale = try Self.consumer().authorizationHeader(
                method: "GET", url: url, timestamp: Int(Date().timeIntervalSince1970) - 301
            )
            let staleResponse = try await http.send(.GET, url, authorization: stale)
            #expect(staleResponse.status == 401)
            #expect(staleResponse.header("WWW-Authenticate")?.contains("timestamp_refused") == true)

            let once = try Self.consumer().authorizationHeader(method: "GET", url: url, nonce: "only-once")
            #expect(try await http.send(.GET, url, authorization: once).status == 200)
            let replay = try await http.send(.GET, url, authorization: once)
            #expect(replay.status == 401)
            #expect(replay.header("WWW-Authenticate")?.contains("nonce_used") == true)
        }
    }

    // MARK: Session cookies

    @Test("The session cookie is accepted; another JSESSIONID gets the HTML login page")
    func sessionCookies() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/rest/api/2/myself"
            let live = try await http.send(.GET, url, headers: [("Cookie", "atlassian.xsrf.token=x; JSESSIONID=\(SandboxCredentials.sessionCookie)")])
            #expect(live.status == 200)
            #expect(try live.json["displayName"]?.stringValue == "Demo User")

            let unknown = try await http.send(.GET, url, headers: [("Cookie", "JSESSIONID=sandbox-session-999")])
            #expect(unknown.status == 401)
            #expect(unknown.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(unknown.header("X-Seraph-LoginReason") == "AUTHENTICATED_FAILED")
            #expect(unknown.text.contains("<html"))
        }
    }

    @Test("Expired sessions get the login page until a new session starts")
    func expiredSession() async throws {
        try await withAuthSandbox { server, http in
            let url = server.baseURL + "/wiki/rest/api/user/current"
            server.sessions.expireAll()
            let expired = try await http.send(.GET, url, headers: [("Cookie", "JSESSIONID=\(SandboxCredentials.sessionCookie)")])
            #expect(expired.status == 401)
            #expect(expired.header("X-Seraph-LoginReason") == "AUTHENTICATED_FAILED")
            #expect(expired.text.contains("Confluence"))
            let fresh = server.sessions.start()
            #expect(try await http.send(.GET, url, headers: [("Cookie", "JSESSIONID=\(fresh)")]).status == 200)
        }
    }

    // MARK: Helpers

    static func fixtureKey() throws -> String {
        try String(contentsOfFile: OAuth1SignerTests.fixtureKeyPath, encoding: .utf8)
    }

    static func consumer(token: String? = SandboxCredentials.oauth1AccessToken) throws -> OAuth1Signer {
        try OAuth1Signer(consumerKey: SandboxCredentials.oauth1ConsumerKey, privateKeyPEM: fixtureKey(), token: token)
    }

    /// The header with its signature swapped for one over a different base string, still well-formed.
    static func replacingSignature(in header: String) throws -> String {
        let forgery = try consumer().signature(forBaseString: "GET&http%3A%2F%2Fevil.example%2F&")
        let fields = header.dropFirst("OAuth ".count).components(separatedBy: ", ").map { field in
            field.hasPrefix("oauth_signature=") ? #"oauth_signature="\#(OAuth1.percentEncode(forgery))""# : field
        }
        return "OAuth " + fields.joined(separator: ", ")
    }

    static func authorizePath(state: String, clientID: String = SandboxCredentials.oauthClientID) -> String {
        let query: [(String, String)] = [
            ("audience", "api.atlassian.com"), ("client_id", clientID), ("scope", scope), ("redirect_uri", redirectURI),
            ("state", state), ("response_type", "code"), ("prompt", "consent"),
        ]
        return "/authorize?" + query.map { "\($0.0)=\(OAuth1.percentEncode($0.1))" }.joined(separator: "&")
    }

    static func authorizationCode(_ server: SandboxServer, _ http: AuthFlowHTTP) async throws -> String {
        let response = try await http.send(.GET, server.baseURL + authorizePath(state: "s"))
        return try #require(queryItems(response.header("Location") ?? "")["code"])
    }

    static func exchange(_ code: String, _ server: SandboxServer, _ http: AuthFlowHTTP) async throws -> SandboxServerClient.Response {
        try await http.send(
            .POST, server.baseURL + "/oauth/token",
            json: [
                "grant_type": "authorization_code", "client_id": .string(SandboxCredentials.oauthClientID),
                "client_secret": .string(SandboxCredentials.oauthClientSecret), "code": .string(code), "redirect_uri": .string(redirectURI),
            ]
        )
    }

    static func exchangeCode(_ server: SandboxServer, _ http: AuthFlowHTTP) async throws -> (accessToken: String, refreshToken: String) {
        let json = try await exchange(try await authorizationCode(server, http), server, http).json
        return (try #require(json["access_token"]?.stringValue), try #require(json["refresh_token"]?.stringValue))
    }

    static func refresh(_ refreshToken: String, _ server: SandboxServer, _ http: AuthFlowHTTP) async throws -> SandboxServerClient.Response {
        try await http.send(
            .POST, server.baseURL + "/oauth/token",
            json: [
                "grant_type": "refresh_token", "client_id": .string(SandboxCredentials.oauthClientID),
                "client_secret": .string(SandboxCredentials.oauthClientSecret), "refresh_token": .string(refreshToken),
            ]
        )
    }

    /// The decoded query parameters of a URL, first value per name.
    static func queryItems(_ url: String) -> [String: String] {
        formItems(url.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
    }

    /// The decoded pairs of a form-encoded text, first value per name.
    static func formItems(_ text: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(parts[0], plusAsSpace: true)
            if items[name] == nil { items[name] = parts.count > 1 ? PercentEncoding.decode(parts[1], plusAsSpace: true) : "" }
        }
        return items
    }
}

/// Raw loopback HTTP for auth flows: redirects come back as they are, so tests can read `Location`.
struct AuthFlowHTTP: Sendable {
    let client: HTTPClient

    func send(
        _ method: HTTPMethod,
        _ url: String,
        json: JSONValue? = nil,
        form: String? = nil,
        bearer: String? = nil,
        authorization: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> SandboxServerClient.Response {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(json.serializedBytes())
        } else if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(Array(form.utf8))
        }
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 16 * 1_024 * 1_024)
        return SandboxServerClient.Response(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }
}

/// Runs `body` against a fresh sandbox and a client that does not follow redirects, shutting both down afterwards.
func withAuthSandbox(_ body: (SandboxServer, AuthFlowHTTP) async throws -> Void) async throws {
    let server = try await SandboxServer.start()
    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = .disallow
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    do {
        try await body(server, AuthFlowHTTP(client: client))
    } catch {
        try await client.shutdown()
        try await server.shutdown()
        throw error
    }
    try await client.shutdown()
    try await server.shutdown()
}
