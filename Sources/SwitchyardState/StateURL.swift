import Foundation

/// A `postgres://user:password@host:port/database?sslmode=…` URL, taken apart.
///
/// ```swift
/// let url = try StateURL("postgres://switchyard:secret@db:5432/switchyard?sslmode=require")
/// url.location   // "db:5432/switchyard" — what messages show
/// ```
struct StateURL {
    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String?
    let requireTLS: Bool

    /// Where the database is, without credentials.
    var location: String { "\(host):\(port)/\(database ?? username)" }

    init(_ text: String) throws(StateError) {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? "") else {
            throw .url("expected postgres://user:password@host:port/database, got a URL with another scheme or none")
        }
        guard let host = components.host, !host.isEmpty else { throw .url("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw .url("the URL names no user (postgres://USER:password@host/database)") }
        self.host = host
        port = components.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "require", "verify-full"].contains(mode) else {
            throw .url("sslmode must be disable, require or verify-full; got '\(mode)'")
        }
        requireTLS = mode != "disable"
    }
}
