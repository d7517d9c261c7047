import Crypto
import Foundation
import _CryptoExtras

/// Signs requests per RFC 5849 (OAuth 1.0a) with RSA-SHA1, as Jira and Confluence Server / Data Center
/// Application Links expect.
///
/// The private key is PEM, PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 (`BEGIN PRIVATE KEY`), 1024 bits or
/// more. PKCS#1 v1.5 signatures are deterministic, so a fixed nonce and timestamp give a fixed header.
///
/// ```swift
/// let signer = try OAuth1Signer(consumerKey: "switchyard", privateKeyPEM: pem, token: accessToken)
/// let header = try signer.authorizationHeader(method: "GET", url: "https://jira.example.com/rest/api/2/myself")
/// // OAuth oauth_consumer_key="switchyard", oauth_nonce="…", oauth_signature="…", oauth_signature_method="RSA-SHA1", …
/// ```
public struct OAuth1Signer: Sendable {
    public let consumerKey: String
    /// The request or access token the requests act with; `nil` for the request-token step.
    public let token: String?
    private let privateKey: _RSA.Signing.PrivateKey

    /// Parameters the signer sets itself, which `extraOAuthParameters` may not override.
    private static let signerParameters: Set<String> = [
        "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token",
        "oauth_version",
    ]

    public init(consumerKey: String, privateKeyPEM: String, token: String?) throws(OAuth1Error) {
        guard !consumerKey.isEmpty else { throw OAuth1Error(.invalidRequest, "The OAuth 1.0a consumer key is empty.") }
        self.consumerKey = consumerKey
        self.token = token
        privateKey = try Self.privateKey(fromPEM: privateKeyPEM)
    }

    private init(consumerKey: String, token: String?, privateKey: _RSA.Signing.PrivateKey) {
        self.consumerKey = consumerKey
        self.token = token
        self.privateKey = privateKey
    }

    /// The same consumer and key acting with another token, e.g. the access token once the dance is done.
    public func with(token: String?) -> OAuth1Signer {
        OAuth1Signer(consumerKey: consumerKey, token: token, privateKey: privateKey)
    }

    /// The `Authorization` header value for one request, its parameters sorted by name and percent-encoded.
    ///
    /// - Parameters:
    ///   - url: the absolute request URL, query included; its query parameters are signed.
    ///   - formParameters: the decoded pairs of an `application/x-www-form-urlencoded` body, which are signed too.
    ///   - extraOAuthParameters: step-specific protocol parameters: `oauth_callback` when asking for a request
    ///     token, `oauth_verifier` when trading it for an access token.
    ///   - nonce: a fixed nonce for reproducible output; a random one by default.
    ///   - timestamp: a fixed Unix time in seconds; now by default.
    public func authorizationHeader(
        method: String,
        url: String,
        formParameters: [(String, String)] = [],
        extraOAuthParameters: [(String, String)] = [],
        nonce: String? = nil,
        timestamp: Int? = nil
    ) throws(OAuth1Error) -> String {
        let requestURL = OAuth1RequestURL(url)
        guard requestURL.isAbsoluteHTTP else {
            throw OAuth1Error(.invalidRequest, "The URL to sign must be an absolute http or https URL, not '\(requestURL.baseStringURI)'.")
        }
        var parameters: [(String, String)] = [
            ("oauth_consumer_key", consumerKey),
            ("oauth_nonce", nonce ?? Self.randomNonce()),
            ("oauth_signature_method", "RSA-SHA1"),
            ("oauth_timestamp", String(timestamp ?? Int(Date().timeIntervalSince1970))),
            ("oauth_version", "1.0"),
        ]
        if let token { parameters.append(("oauth_token", token)) }
        for (name, value) in extraOAuthParameters {
            guard name.hasPrefix("oauth_"), !Self.signerParameters.contains(name) else {
                throw OAuth1Error(
                    .invalidRequest,
                    "The extra OAuth parameter '\(name)' is not allowed: extras must start with 'oauth_' and not be one the signer sets."
                )
            }
            parameters.append((name, value))
        }
        let baseString = OAuth1.signatureBaseString(method: method, url: url, parameters: formParameters + parameters)
        parameters.append(("oauth_signature", try signature(forBaseString: baseString)))
        let fields = parameters
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .map { "\(OAuth1.percentEncode($0.0))=\"\(OAuth1.percentEncode($0.1))\"" }
        return "OAuth " + fields.joined(separator: ", ")
    }

    /// The RSA-SHA1 signature of a base string: RSASSA-PKCS1-v1_5 over its SHA-1 digest, base64-encoded.
    public func signature(forBaseString baseString: String) throws(OAuth1Error) -> String {
        let digest = Insecure.SHA1.hash(data: Array(baseString.utf8))
        do {
            return try privateKey.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation.base64EncodedString()
        } catch {
            throw OAuth1Error(.signingFailed, "RSA-SHA1 signing failed; check that the consumer's private key is a valid RSA key.")
        }
    }

    private static func privateKey(fromPEM text: String) throws(OAuth1Error) -> _RSA.Signing.PrivateKey {
        var pem = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Keys pasted into JSON or environment variables often arrive with literal "\n" separators.
        if !pem.contains("\n"), pem.contains("\\n") { pem = pem.replacingOccurrences(of: "\\n", with: "\n") }
        guard pem.hasPrefix("-----BEGIN ") else {
            throw OAuth1Error(
                .invalidKey,
                "The OAuth 1.0a private key is not PEM: expected a '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1) or '-----BEGIN PRIVATE KEY-----' (PKCS#8) block."
            )
        }
        if pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED") {
            throw OAuth1Error(
                .invalidKey,
                "The OAuth 1.0a private key is encrypted; export it unencrypted, e.g. with `openssl pkcs8 -topk8 -nocrypt`."
            )
        }
        guard pem.hasPrefix("-----BEGIN RSA PRIVATE KEY-----") || pem.hasPrefix("-----BEGIN PRIVATE KEY-----") else {
            throw OAuth1Error(
                .invalidKey,
                "The PEM block is not an RSA private key (public keys and certificates cannot sign); expected 'BEGIN RSA PRIVATE KEY' or 'BEGIN PRIVATE KEY'."
            )
        }
        do {
            // The unsafe initializer is the one that accepts the 1024-bit keys Application Links commonly use.
            return try _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem)
        } catch CryptoKitError.incorrectParameterSize {
            throw OAuth1Error(.invalidKey, "The OAuth 1.0a private key is smaller than 1024 bits; generate one with `openssl genrsa 2048`.")
        } catch {
            throw OAuth1Error(.invalidKey, "The OAuth 1.0a private key could not be read as an unencrypted RSA key in PKCS#1 or PKCS#8 PEM.")
        }
    }

    private static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
