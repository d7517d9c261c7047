/// Why an OAuth 1.0a request could not be signed. Messages name the problem and how to fix it; they never
/// contain key material.
///
/// ```swift
/// do {
///     _ = try OAuth1Signer(consumerKey: "switchyard", privateKeyPEM: "not a key", token: nil)
/// } catch {
///     print(error)   // The OAuth 1.0a private key is not PEM: expected a '-----BEGIN RSA PRIVATE KEY-----' ...
/// }
/// ```
public struct OAuth1Error: Error, Sendable, CustomStringConvertible {
    /// The broad cause, for callers that react differently to a bad key and a bad request.
    public enum Kind: String, Sendable {
        /// The private key is missing, malformed, encrypted, too small or not RSA.
        case invalidKey
        /// The consumer key, the URL or an extra OAuth parameter cannot be signed.
        case invalidRequest
        /// The RSA signing operation itself failed.
        case signingFailed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
