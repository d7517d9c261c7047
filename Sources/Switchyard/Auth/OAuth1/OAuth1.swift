/// The RFC 5849 (OAuth 1.0a) pieces both a signer and a verifier need: the signature base string and the
/// protocol's percent-encoding.
///
/// ```swift
/// OAuth1.percentEncode("a b&c")   // "a%20b%26c"
/// OAuth1.signatureBaseString(
///     method: "get", url: "https://Jira.example.com/rest/api/2/search?jql=project%3DDEMO",
///     parameters: [("oauth_consumer_key", "switchyard"), ("oauth_nonce", "n1")]
/// )
/// // "GET&https%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fsearch&jql%3Dproject%253DDEMO%26oauth_consumer_key%3D..."
/// ```
public enum OAuth1 {
    /// RFC 5849 §3.4.1 signature base string: `METHOD&pct(base URI)&pct(normalized parameters)`.
    ///
    /// The URL's query parameters are decoded and join `parameters` (the form body's parameters and the
    /// `oauth_*` protocol parameters, not yet encoded). `oauth_signature` is left out wherever it appears,
    /// and `realm` is left out of `parameters`, as both only travel in the `Authorization` header.
    public static func signatureBaseString(method: String, url: String, parameters: [(String, String)]) -> String {
        let requestURL = OAuth1RequestURL(url)
        let signed = (requestURL.queryParameters + parameters.filter { $0.0 != "realm" })
            .filter { $0.0 != "oauth_signature" }
        let normalized = signed
            .map { (percentEncode($0.0), percentEncode($0.1)) }
            .sorted { left, right in
                left.0 == right.0 ? left.1.utf8.lexicographicallyPrecedes(right.1.utf8) : left.0.utf8.lexicographicallyPrecedes(right.0.utf8)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
        return method.uppercased() + "&" + percentEncode(requestURL.baseStringURI) + "&" + percentEncode(normalized)
    }

    /// RFC 3986 percent-encoding as RFC 5849 §3.6 requires: only `A-Z a-z 0-9 - . _ ~` are kept, every other
    /// UTF-8 byte becomes `%XX` with uppercase hex, so a space is `%20`, never `+`.
    public static func percentEncode(_ text: String) -> String {
        PercentEncoding.encodeQueryComponent(text)
    }
}
