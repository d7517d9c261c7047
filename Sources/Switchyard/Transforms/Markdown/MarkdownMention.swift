/// A user mention. Switchyard's Markdown writes it as a link to a pseudo-URL naming the user:
///
/// - `@[Display Name](accountId:5b10a2844c20165700ede21g)` — an Atlassian Cloud account id (ADF `mention`,
///   storage `<ri:user ri:account-id=…/>`, wiki `[~accountid:…]`);
/// - `@[jsmith](username:jsmith)` — a Server/Data Center username (wiki `[~jsmith]`, storage `ri:username`);
/// - `@[key](userkey:JIRAUSER10100)` — a Server/Data Center user key (storage `ri:userkey`).
///
/// The leading `@` is optional when reading; the display name is informational (Atlassian renders the
/// user's current name), so formats without one (storage, wiki) fall back to the id.
///
/// ```swift
/// MarkdownMention(id: "5b10a2844c20165700ede21g", name: "Mia Krystof")
/// // "@[Mia Krystof](accountId:5b10a2844c20165700ede21g)"
/// ```
public struct MarkdownMention: Sendable, Hashable {
    /// Which kind of user identifier `id` is; the raw value is the Markdown pseudo-URL scheme.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case accountId
        case username
        case userKey = "userkey"
    }

    public var kind: Kind
    public var id: String
    /// The display name without the `@`; may be empty.
    public var name: String

    public init(kind: Kind = .accountId, id: String, name: String = "") {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// The mention for a Markdown link destination such as `accountId:5b10…`, or `nil` for an ordinary link.
    /// An empty name becomes the id, as the writer would show it.
    init?(destination: String, name: String) {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon].lowercased()
        guard let kind = Kind.allCases.first(where: { $0.rawValue.lowercased() == scheme }) else { return nil }
        let id = String(destination[destination.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        self.init(kind: kind, id: id, name: name.isEmpty ? id : name)
    }

    /// The Markdown pseudo-URL: `accountId:…`, `username:…` or `userkey:…`.
    var destination: String { "\(kind.rawValue):\(id)" }
}
