import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` through a real CONNECT proxy on loopback.
@Suite("Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY")
struct ProxyTests {
    /// Runs `jira-datacenter users myself` against `baseURL` with `environment` added to the demo user's.
    private func myself(baseURL: String, _ environment: [String: String]) async -> ResultEnvelope {
        var variables = ["JIRA_BASE_URL": baseURL, "JIRA_USERNAME": SandboxCredentials.email, "JIRA_PASSWORD": SandboxCredentials.apiToken]
        variables.merge(environment) { $1 }
        let runtime = TLSSandbox.runtime(RuntimeSettings(environment: variables))
        let envelope = await runtime.execute(ExecuteRequest(connector: "jira-datacenter", entity: "users", action: "myself"))
        try? await runtime.shutdown()
        return envelope
    }

    @Test("an http:// target goes through HTTP_PROXY, tunnelled with CONNECT")
    func httpTargetThroughProxy() async throws {
        let proxy = try await LoopbackProxy.start()
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(proxy.requests().map(\.method) == ["CONNECT"])
            #expect(proxy.requests().map(\.target) == ["127.0.0.1:\(harness.server.port)"])
            #expect(harness.server.recordedRequests().count == 1)
        }
        await proxy.shutdown()
    }

    @Test(
        "an https:// target goes through https_proxy, with TLS end to end to the server",
        .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; it makes the test certificates")
    )
    func httpsTargetThroughProxy() async throws {
        let proxy = try await LoopbackProxy.start()
        try await withTLSSandbox { sandbox in
            let envelope = await myself(baseURL: sandbox.server.baseURL, [
                "https_proxy": "http://127.0.0.1:\(proxy.port)", "JIRA_CA_BUNDLE": sandbox.certificates.caCertificate,
            ])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(proxy.requests().map(\.target) == ["127.0.0.1:\(sandbox.server.port)"])
        }
        await proxy.shutdown()
    }

    @Test("HTTPS_PROXY does not carry http:// targets")
    func httpsProxyIgnoresHTTPTargets() async throws {
        let proxy = try await LoopbackProxy.start()
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(proxy.requests().isEmpty)
        }
        await proxy.shutdown()
    }

    @Test("a host NO_PROXY lists goes direct", arguments: ["127.0.0.1", "localhost, 127.0.0.1", "*", "127.0.0.1:PORT", "127.0.0.0/8"])
    func noProxyBypasses(noProxy: String) async throws {
        let proxy = try await LoopbackProxy.start()
        try await withSandbox { harness in
            let list = noProxy.replacingOccurrences(of: "PORT", with: String(harness.server.port))
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": list])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(proxy.requests().isEmpty)
            #expect(harness.server.recordedRequests().count == 1)
        }
        await proxy.shutdown()
    }

    @Test("a NO_PROXY entry for another host or port still uses the proxy")
    func noProxyForOthers() async throws {
        let proxy = try await LoopbackProxy.start()
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, [
                "HTTP_PROXY": "http://127.0.0.1:\(proxy.port)", "no_proxy": "localhost,.corp.example,127.0.0.1:1",
            ])
            #expect(envelope.error == nil, "\(envelope.json)")
            #expect(proxy.requests().count == 1)
        }
        await proxy.shutdown()
    }

    @Test("credentials in the proxy URL are sent as Proxy-Authorization and never appear in the result")
    func proxyCredentials() async throws {
        let proxy = try await LoopbackProxy.start(requiring: ("alice", "p@ss:word"))
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "http://alice:p%40ss%3Aword@127.0.0.1:\(proxy.port)"])
            #expect(envelope.error == nil, "\(envelope.json)")
            let expected = "Basic " + Data("alice:p@ss:word".utf8).base64EncodedString()
            #expect(proxy.requests().map(\.proxyAuthorization) == [expected])
            #expect(harness.server.recordedRequests().first?.header("Proxy-Authorization") == nil)
            #expect(!envelope.json.serialized().contains("p%40ss") && !envelope.json.serialized().contains("p@ss"))
        }
        await proxy.shutdown()
    }

    @Test("a proxy that refuses the credentials gives a config error without the password")
    func proxyRefusesCredentials() async throws {
        let proxy = try await LoopbackProxy.start(requiring: ("alice", "right"))
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "http://alice:wrong-secret@127.0.0.1:\(proxy.port)"])
            let error = try #require(envelope.error)
            #expect(error.kind == .config)
            #expect(error.message.contains("http://127.0.0.1:\(proxy.port)") && error.message.contains("407"), "\(error.message)")
            #expect(!envelope.json.serialized().contains("wrong-secret"))
            #expect(harness.server.recordedRequests().isEmpty)
        }
        await proxy.shutdown()
    }

    @Test("a proxy that is down is a network error naming the proxy, not the password")
    func proxyDown() async throws {
        let proxy = try await LoopbackProxy.start()
        let port = proxy.port
        await proxy.shutdown()
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "http://bob:hunter2@127.0.0.1:\(port)"])
            let error = try #require(envelope.error)
            #expect(error.kind == .network)
            #expect(error.message.contains("proxy http://127.0.0.1:\(port)"), "\(error.message)")
            #expect(!envelope.json.serialized().contains("hunter2"))
        }
    }

    @Test("an unsupported proxy scheme is a config error naming the variable")
    func unsupportedProxyScheme() async throws {
        try await withSandbox { harness in
            let envelope = await myself(baseURL: harness.server.baseURL, ["HTTP_PROXY": "socks5://carol:pw123@127.0.0.1:1080"])
            let error = try #require(envelope.error)
            #expect(error.kind == .config)
            #expect(error.message.contains("HTTP_PROXY") && error.message.contains("socks5"), "\(error.message)")
            #expect(!error.message.contains("pw123"))
        }
    }
}

@Suite("NO_PROXY matching and proxy URLs")
struct ProxyMatchingTests {
    @Test("names match themselves and subdomains, with or without a leading dot, ignoring case")
    func domainSuffix() {
        let list = NoProxyList("corp.example, .Internal.test")
        #expect(list.matches(host: "corp.example", port: 443))
        #expect(list.matches(host: "jira.corp.example", port: 443))
        #expect(list.matches(host: "JIRA.internal.test", port: 80))
        #expect(list.matches(host: "internal.test", port: 80))
        #expect(!list.matches(host: "notcorp.example", port: 443))
        #expect(!list.matches(host: "corp.example.org", port: 443))
    }

    @Test("IP addresses match exactly; loopback is not special")
    func addresses() {
        let list = NoProxyList("10.0.0.7,::1")
        #expect(list.matches(host: "10.0.0.7", port: 443))
        #expect(!list.matches(host: "110.0.0.7", port: 443))
        #expect(list.matches(host: "[::1]", port: 443))
        #expect(!NoProxyList("localhost").matches(host: "127.0.0.1", port: 80))
        #expect(!NoProxyList("").matches(host: "127.0.0.1", port: 80))
    }

    @Test("CIDR ranges match the addresses inside them, never host names")
    func cidrRanges() {
        let list = NoProxyList("10.0.0.0/8, 192.168.4.0/22, 172.16.5.9/32, fd00::/8, 2001:db8::/64")
        #expect(list.matches(host: "10.200.3.4", port: 443))
        #expect(!list.matches(host: "11.0.0.1", port: 443))
        #expect(list.matches(host: "192.168.7.255", port: 80))
        #expect(!list.matches(host: "192.168.8.0", port: 80))
        #expect(list.matches(host: "172.16.5.9", port: 80))
        #expect(!list.matches(host: "172.16.5.10", port: 80))
        #expect(list.matches(host: "[fd12:3456::1]", port: 443))
        #expect(list.matches(host: "2001:db8::abcd", port: 443))
        #expect(!list.matches(host: "2001:db8:0:1::1", port: 443))
        #expect(!list.matches(host: "10.example", port: 443))
        #expect(NoProxyList("0.0.0.0/0").matches(host: "8.8.8.8", port: 53))
        #expect(!NoProxyList("0.0.0.0/0").matches(host: "::1", port: 53))
    }

    @Test("malformed CIDR entries match nothing", arguments: ["10.0.0.0/33", "10.0.0/8", "abc/8", "10.0.0.0/", "/8", "::/129"])
    func malformedCIDR(entry: String) {
        #expect(!NoProxyList(entry).matches(host: "10.0.0.1", port: 80))
        #expect(!NoProxyList(entry).matches(host: "::1", port: 80))
    }

    @Test("host:port matches that port only; * matches everything")
    func portsAndWildcard() {
        let list = NoProxyList("jira.example:8443 [::1]:9000")
        #expect(list.matches(host: "jira.example", port: 8443))
        #expect(!list.matches(host: "jira.example", port: 443))
        #expect(list.matches(host: "[::1]", port: 9000))
        #expect(NoProxyList(" * ").matches(host: "anything.example", port: 1))
    }

    @Test("a proxy URL keeps its credentials out of its description")
    func proxyURL() throws {
        let proxy = try ProxyServer(parsing: "http://alice:s%3Acret@Proxy.Corp:3128/", variable: "HTTPS_PROXY")
        #expect(proxy.description == "http://proxy.corp:3128")
        #expect(proxy.username == "alice" && proxy.password == "s:cret")
        #expect(try ProxyServer(parsing: "proxy.corp", variable: "HTTPS_PROXY").port == 1080)
        #expect(throws: ExecutionError.self) { try ProxyServer(parsing: "http://alice:pw@proxy:notaport", variable: "HTTPS_PROXY") }
    }

    @Test("the lowercase variable wins, and an empty one counts as unset")
    func variablePrecedence() throws {
        let origin = try #require(URLOrigin("https://jira.example.com"))
        let both = ProxySettings(environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"])
        #expect(try both.proxy(for: origin)?.host == "lower")
        let empty = ProxySettings(environment: ["https_proxy": "", "HTTPS_PROXY": "http://upper:2"])
        #expect(try empty.proxy(for: origin)?.host == "upper")
        #expect(ProxySettings(environment: ["PATH": "/bin"]).isDirect)
    }
}
