import SwitchyardWebhooks
import Testing

@Suite("X-Hub-Signature")
struct WebhookSignatureTests {
    private let body = Array(#"{"webhookEvent":"jira:issue_created"}"#.utf8)

    @Test func theHeaderIsSHA256OfTheBodyInLowercaseHex() {
        // HMAC-SHA256("It's a Secret to Everybody", "Hello, World!"), the example GitHub documents for the same scheme.
        let header = WebhookSignature.header(for: Array("Hello, World!".utf8), secret: "It's a Secret to Everybody")
        #expect(header == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
    }

    @Test func aHeaderFromTheSameSecretIsValid() {
        let header = WebhookSignature.header(for: body, secret: "s3cret")
        #expect(WebhookSignature.verify(header: header, body: body, secret: "s3cret") == .valid)
        #expect(WebhookSignature.verify(header: header.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="),
                                        body: body, secret: "s3cret") == .valid)
    }

    @Test func aChangedBodyIsAMismatch() {
        let header = WebhookSignature.header(for: body, secret: "s3cret")
        #expect(WebhookSignature.verify(header: header, body: body + [0x20], secret: "s3cret") == .mismatch)
    }

    @Test func missingAndMalformedHeadersAreToldApart() {
        #expect(WebhookSignature.verify(header: nil, body: body, secret: "s3cret") == .missing)
        #expect(WebhookSignature.verify(header: "sha256=zz", body: body, secret: "s3cret") == .malformed)
        #expect(WebhookSignature.verify(header: "sha256=" + String(repeating: "g", count: 64), body: body, secret: "s3cret") == .malformed)
        #expect(WebhookSignature.verify(header: "sha1=" + String(repeating: "a", count: 66), body: body, secret: "s3cret") == .malformed)
    }
}
