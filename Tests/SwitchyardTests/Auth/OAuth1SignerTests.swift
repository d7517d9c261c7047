import Foundation
import Switchyard
import Testing

@Suite("OAuth 1.0a RSA-SHA1 signing")
struct OAuth1SignerTests {
    static let fixtureKeyPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/oauth1-consumer-key.pem").path

    static func fixtureKey() throws -> String {
        try String(contentsOfFile: fixtureKeyPath, encoding: .utf8)
    }

    // MARK: Signature base string

    @Test("The RFC 5849 §3.4.1.1 example yields exactly the RFC's base string")
    func rfcExampleBaseString() {
        let baseString = OAuth1.signatureBaseString(
            method: "POST",
            url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
            parameters: [
                ("c2", ""), ("a3", "2 q"),
                ("oauth_consumer_key", "9djdj82h48djs9d2"), ("oauth_token", "kkk9d7dh3k39sjv7"),
                ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131201"), ("oauth_nonce", "7d8f3e4a"),
            ]
        )
        #expect(
            baseString
                == "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
        )
    }

    @Test(
        "The base string URI lowercases scheme and host, keeps only non-default ports, and drops query and fragment",
        arguments: [
            ("HTTP://EXAMPLE.COM:80/r%20v/X?id=123", "GET&http%3A%2F%2Fexample.com%2Fr%2520v%2FX&id%3D123"),
            ("https://www.example.net:8080/?q=1", "GET&https%3A%2F%2Fwww.example.net%3A8080%2F&q%3D1"),
            ("https://Jira.Example.com:443/rest/api/2/myself#top", "GET&https%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fmyself&"),
            ("http://127.0.0.1:8080", "GET&http%3A%2F%2F127.0.0.1%3A8080%2F&"),
            ("http://user:pw@[::1]:9000/a?b=c+d", "GET&http%3A%2F%2F%5B%3A%3A1%5D%3A9000%2Fa&b%3Dc%2520d"),
        ]
    )
    func baseStringURI(url: String, expected: String) {
        #expect(OAuth1.signatureBaseString(method: "get", url: url, parameters: []) == expected)
    }

    @Test("Parameters sort by encoded name then encoded value; duplicates stay; oauth_signature and realm are left out")
    func parameterNormalization() {
        let baseString = OAuth1.signatureBaseString(
            method: "GET",
            url: "http://example.com/?z=1&a=2&a=10&oauth_signature=query-sig",
            parameters: [("A", "x"), ("a", "1"), ("realm", "Example"), ("oauth_signature", "header-sig"), ("a b", "~")]
        )
        #expect(baseString == "GET&http%3A%2F%2Fexample.com%2F&" + OAuth1.percentEncode("A=x&a=1&a=10&a=2&a%20b=~&z=1"))
    }

    // MARK: Percent-encoding

    @Test(
        "Percent-encoding keeps only unreserved characters and writes uppercase hex",
        arguments: [
            ("AZaz09-._~", "AZaz09-._~"),
            ("a b", "a%20b"),
            ("+", "%2B"),
            ("*", "%2A"),
            ("%", "%25"),
            ("/?#[]@!$&'()*,;=:", "%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2C%3B%3D%3A"),
            ("é", "%C3%A9"),
            ("☃", "%E2%98%83"),
            ("\n", "%0A"),
            ("", ""),
        ]
    )
    func percentEncoding(text: String, expected: String) {
        #expect(OAuth1.percentEncode(text) == expected)
    }

    // MARK: Authorization header

    @Test("The header lists every protocol parameter once, sorted, quoted and percent-encoded")
    func headerFormat() throws {
        let signer = try OAuth1Signer(consumerKey: "my consumer", privateKeyPEM: Self.fixtureKey(), token: "tok/en+1")
        let header = try signer.authorizationHeader(
            method: "GET", url: "https://jira.example.com/rest/api/2/myself", nonce: "n o", timestamp: 1_700_000_000
        )
        let fields = try #require(header.hasPrefix("OAuth ") ? header.dropFirst(6).components(separatedBy: ", ") : nil)
        #expect(fields.map { $0.components(separatedBy: "=")[0] } == [
            "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token",
            "oauth_version",
        ])
        #expect(fields[0] == #"oauth_consumer_key="my%20consumer""#)
        #expect(fields[1] == #"oauth_nonce="n%20o""#)
        #expect(fields[3] == #"oauth_signature_method="RSA-SHA1""#)
        #expect(fields[4] == #"oauth_timestamp="1700000000""#)
        #expect(fields[5] == #"oauth_token="tok%2Fen%2B1""#)
        #expect(fields[6] == #"oauth_version="1.0""#)
        // Base64's "+", "/" and "=" must be percent-encoded inside the quotes.
        let signature = fields[2].dropFirst(#"oauth_signature=""#.count).dropLast()
        #expect(!signature.contains("+") && !signature.contains("/") && !signature.contains("="))
        #expect(PercentEncoding.decode(signature).count == 172)   // 128 bytes of a 1024-bit signature in base64
    }

    @Test("A fixed nonce and timestamp give the same header every time, as PKCS#1 v1.5 is deterministic")
    func headerIsDeterministic() throws {
        let signer = try OAuth1Signer(consumerKey: "c", privateKeyPEM: Self.fixtureKey(), token: "t")
        let first = try signer.authorizationHeader(method: "GET", url: "http://example.com/a?b=c", nonce: "n", timestamp: 1)
        let second = try signer.authorizationHeader(method: "GET", url: "http://example.com/a?b=c", nonce: "n", timestamp: 1)
        let otherQuery = try signer.authorizationHeader(method: "GET", url: "http://example.com/a?b=d", nonce: "n", timestamp: 1)
        #expect(first == second)
        #expect(first != otherQuery)
    }

    @Test("Without a token there is no oauth_token; step parameters such as oauth_callback join the header")
    func requestTokenStepHeader() throws {
        let signer = try OAuth1Signer(consumerKey: "c", privateKeyPEM: Self.fixtureKey(), token: nil)
        let header = try signer.authorizationHeader(
            method: "POST", url: "http://example.com/plugins/servlet/oauth/request-token",
            extraOAuthParameters: [("oauth_callback", "http://localhost:9/cb?x=1")], nonce: "n", timestamp: 1
        )
        #expect(!header.contains("oauth_token="))
        #expect(header.hasPrefix(#"OAuth oauth_callback="http%3A%2F%2Flocalhost%3A9%2Fcb%3Fx%3D1", oauth_consumer_key="c""#))
        #expect(signer.with(token: "access").token == "access")
        #expect(try signer.with(token: "access").authorizationHeader(method: "GET", url: "http://e.com/").contains(#"oauth_token="access""#))
    }

    @Test("Extra parameters must be oauth_ parameters the signer does not set itself")
    func extraParametersAreChecked() throws {
        let signer = try OAuth1Signer(consumerKey: "c", privateKeyPEM: Self.fixtureKey(), token: nil)
        for name in ["callback", "oauth_nonce", "oauth_signature"] {
            let error = #expect(throws: OAuth1Error.self) {
                try signer.authorizationHeader(method: "GET", url: "http://e.com/", extraOAuthParameters: [(name, "x")])
            }
            #expect(error?.kind == .invalidRequest)
            #expect(error?.message.contains("'\(name)'") == true)
        }
    }

    @Test("Only absolute http and https URLs can be signed")
    func relativeURLIsRejected() throws {
        let signer = try OAuth1Signer(consumerKey: "c", privateKeyPEM: Self.fixtureKey(), token: nil)
        let error = #expect(throws: OAuth1Error.self) {
            try signer.authorizationHeader(method: "GET", url: "/rest/api/2/myself?secret=1")
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains("absolute http or https URL") == true)
        #expect(error?.message.contains("secret") == false)
    }

    // MARK: Keys

    @Test("A bad PEM gives a clear error that never echoes the key text")
    func badPEMIsRejectedWithoutEchoingIt() {
        let secretish = "MIICXAIBAAKBgQCqGKukO1De7zhZj6+H0qtjTkVxwTCpvKe4eCZ0FPqri0cb2JZfXJ"
        let cases: [(pem: String, fragment: String)] = [
            ("not a key at all \(secretish)", "is not PEM"),
            ("-----BEGIN RSA PRIVATE KEY-----\n\(secretish)\n-----END RSA PRIVATE KEY-----\n", "could not be read"),
            ("-----BEGIN PUBLIC KEY-----\n\(secretish)\n-----END PUBLIC KEY-----\n", "public keys and certificates cannot sign"),
            ("-----BEGIN ENCRYPTED PRIVATE KEY-----\n\(secretish)\n-----END ENCRYPTED PRIVATE KEY-----\n", "is encrypted"),
            ("", "is not PEM"),
        ]
        for (pem, fragment) in cases {
            let error = #expect(throws: OAuth1Error.self) {
                try OAuth1Signer(consumerKey: "c", privateKeyPEM: pem, token: nil)
            }
            #expect(error?.kind == .invalidKey)
            #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
            #expect(error?.description.contains("MIICXAIBAAKBgQ") == false)
        }
    }

    @Test("An empty consumer key is refused")
    func emptyConsumerKeyIsRejected() throws {
        let error = #expect(throws: OAuth1Error.self) {
            try OAuth1Signer(consumerKey: "", privateKeyPEM: Self.fixtureKey(), token: nil)
        }
        #expect(error?.kind == .invalidRequest)
    }

    @Test("A PEM whose line breaks arrived as literal \\n escapes still loads")
    func escapedNewlinesAreAccepted() throws {
        let escaped = try Self.fixtureKey().trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "\\n")
        let fromEscaped = try OAuth1Signer(consumerKey: "c", privateKeyPEM: escaped, token: nil)
        let fromFile = try OAuth1Signer(consumerKey: "c", privateKeyPEM: Self.fixtureKey(), token: nil)
        #expect(try fromEscaped.signature(forBaseString: "x") == fromFile.signature(forBaseString: "x"))
    }

    // MARK: Cross-checks with OpenSSL

    @Test(
        "Signatures match `openssl dgst -sha1 -sign` byte for byte and pass `-verify`",
        .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; skipping the OpenSSL cross-check"),
        arguments: [(1_024, "PKCS#1"), (1_024, "PKCS#8"), (2_048, "PKCS#1"), (2_048, "PKCS#8")]
    )
    func signatureMatchesOpenSSL(bits: Int, format: String) throws {
        let openssl = try OpenSSLTool()
        defer { openssl.removeDirectory() }
        try openssl.run("genrsa", "-out", "generated.pem", String(bits))
        if format == "PKCS#8" {
            try openssl.run("pkcs8", "-topk8", "-nocrypt", "-in", "generated.pem", "-out", "key.pem")
        } else {
            // OpenSSL 3 writes PKCS#8 from genrsa and needs -traditional for PKCS#1; older versions write PKCS#1 anyway.
            do {
                try openssl.run("rsa", "-in", "generated.pem", "-traditional", "-out", "key.pem")
            } catch {
                try openssl.run("rsa", "-in", "generated.pem", "-out", "key.pem")
            }
        }
        try openssl.run("rsa", "-in", "key.pem", "-pubout", "-out", "pub.pem")
        let pem = try openssl.text("key.pem")
        #expect(pem.hasPrefix(format == "PKCS#8" ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN RSA PRIVATE KEY-----"))

        let baseString = OAuth1.signatureBaseString(
            method: "POST", url: "http://jira.example.com:8080/rest/api/2/issue?expand=names",
            parameters: [("oauth_consumer_key", "switchyard"), ("oauth_nonce", "abc"), ("oauth_signature_method", "RSA-SHA1")]
        )
        let signature = try OAuth1Signer(consumerKey: "switchyard", privateKeyPEM: pem, token: nil).signature(forBaseString: baseString)
        let signatureBytes = try #require(Data(base64Encoded: signature))
        #expect(signatureBytes.count == bits / 8)
        try openssl.write("data.txt", Array(baseString.utf8))
        try openssl.write("sig.bin", Array(signatureBytes))

        let verified = try openssl.run("dgst", "-sha1", "-verify", "pub.pem", "-signature", "sig.bin", "data.txt")
        #expect(String(decoding: verified, as: UTF8.self).contains("Verified OK"))
        let opensslSignature = try openssl.run("dgst", "-sha1", "-sign", "key.pem", "data.txt")
        #expect(opensslSignature == Array(signatureBytes))
    }

    @Test(
        "The header's signature is the one OpenSSL makes over the base string of the same request",
        .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; skipping the OpenSSL cross-check")
    )
    func headerSignatureMatchesOpenSSL() throws {
        let openssl = try OpenSSLTool()
        defer { openssl.removeDirectory() }
        let signer = try OAuth1Signer(consumerKey: "sandbox-consumer", privateKeyPEM: Self.fixtureKey(), token: "tok")
        let url = "http://127.0.0.1:8080/rest/api/2/search?jql=project%20%3D%20DEMO&maxResults=5"
        let header = try signer.authorizationHeader(
            method: "post", url: url, formParameters: [("summary", "Fix it & ship")], nonce: "n-1", timestamp: 1_700_000_000
        )
        let baseString = OAuth1.signatureBaseString(
            method: "POST", url: url,
            parameters: [
                ("summary", "Fix it & ship"), ("oauth_consumer_key", "sandbox-consumer"), ("oauth_nonce", "n-1"),
                ("oauth_signature_method", "RSA-SHA1"), ("oauth_timestamp", "1700000000"), ("oauth_token", "tok"), ("oauth_version", "1.0"),
            ]
        )
        try openssl.write("data.txt", Array(baseString.utf8))
        try openssl.write("key.pem", Array(try Self.fixtureKey().utf8))
        let expected = try openssl.run("dgst", "-sha1", "-sign", "key.pem", "data.txt")
        let field = try #require(header.components(separatedBy: ", ").first { $0.hasPrefix("oauth_signature=") })
        let signature = PercentEncoding.decode(field.dropFirst(#"oauth_signature=""#.count).dropLast())
        #expect(Data(base64Encoded: signature).map(Array.init) == expected)
    }

    @Test(
        "Keys smaller than 1024 bits are refused with the reason",
        .enabled(if: OpenSSLTool.isAvailable, "openssl is not on PATH; skipping the small-key check")
    )
    func smallKeyIsRejected() throws {
        let openssl = try OpenSSLTool()
        defer { openssl.removeDirectory() }
        try openssl.run("genrsa", "-out", "small.pem", "512")
        let error = #expect(throws: OAuth1Error.self) {
            try OAuth1Signer(consumerKey: "c", privateKeyPEM: try openssl.text("small.pem"), token: nil)
        }
        #expect(error?.message.contains("smaller than 1024 bits") == true)
    }
}
