import ArgumentParser
import Foundation
import Switchyard
import SwitchyardHTTP

/// `switchyard serve --http …`: the options of the Streamable HTTP transport.
struct HTTPServeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Serve MCP over Streamable HTTP on [HOST:]PORT instead of stdio (HOST defaults to 127.0.0.1; 0.0.0.0 listens on every interface).", valueName: "[HOST:]PORT"))
    var http: String?

    @Option(help: ArgumentHelp("Path of the MCP endpoint.", valueName: "PATH"))
    var path = "/mcp"

    @Option(name: .customLong("allowed-origins"), help: ArgumentHelp("Browser origins allowed besides loopback pages, e.g. https://app.example.com ('*' allows any; comma-separated, repeatable). A request from another Origin gets 403.", valueName: "LIST"))
    var allowedOrigins: [String] = []

    @Option(name: .customLong("drain-timeout"), help: ArgumentHelp("Seconds that requests in flight get to finish after SIGTERM.", valueName: "SECONDS"))
    var drainTimeout: Double = 30

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds before a connection with nothing to read or write is closed.", valueName: "SECONDS"))
    var idleTimeout: Double = 60

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body in bytes; a larger one gets 413.", valueName: "BYTES"))
    var maxBody = HTTPServeConfiguration.defaultMaxBodyBytes

    @Flag(help: "No Mcp-Session-Id: every request stands alone, so any replica behind a load balancer can answer it.")
    var stateless = false

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain: serve HTTPS (with --tls-key).", valueName: "FILE"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Whose credentials calls use: 'server' (the server's own, as over stdio) or 'per-request' (each request's Authorization: Bearer/Token/Basic, or X-Switchyard-Credential-<connector>; none is 401).", valueName: "MODE"))
    var auth: HTTPServeConfiguration.AuthMode = .server

    @Option(name: .customLong("allow-site-header"), help: ArgumentHelp("Let requests name their site (X-Atlassian-Jira-Url, X-Atlassian-Confluence-Url, X-Switchyard-Site-<connector>) on these hosts, e.g. '*.atlassian.net' (comma-separated, repeatable).", valueName: "HOSTS"))
    var allowSiteHeader: [String] = []

    @Option(name: .customLong("authorization-server"), help: ArgumentHelp("An OAuth 2.0 authorization server to name in /.well-known/oauth-protected-resource (repeatable).", valueName: "URL"))
    var authorizationServers: [String] = []

    @Option(name: .customLong("api-keys"), help: ArgumentHelp("A file of SHA-256 digests of server API keys ('[name] sha256:<hex>' per line); every request must present a key first (X-Switchyard-Api-Key).", valueName: "FILE"))
    var apiKeys: String?

    /// The options as ArgumentParser makes them from no arguments (see `ServeCommand.fastParse`).
    static func defaults() -> HTTPServeOptions {
        var options = HTTPServeOptions()
        options.http = nil
        options.path = "/mcp"
        options.allowedOrigins = []
        options.drainTimeout = 30
        options.idleTimeout = 60
        options.maxBody = HTTPServeConfiguration.defaultMaxBodyBytes
        options.stateless = false
        options.tlsCert = nil
        options.tlsKey = nil
        options.auth = .server
        options.allowSiteHeader = []
        options.authorizationServers = []
        options.apiKeys = nil
        return options
    }

    /// The server's configuration, or the option that is wrong.
    func configuration() throws(ValidationError) -> HTTPServeConfiguration {
        guard let http, let address = HTTPServeConfiguration.parseAddress(http) else {
            throw ValidationError("--http takes [HOST:]PORT, e.g. 8080, 127.0.0.1:8080 or [::1]:8080; got '\(http ?? "")'")
        }
        guard path.hasPrefix("/"), !["/healthz", "/readyz", "/metrics"].contains(path) else {
            throw ValidationError("--path must start with '/' and not be /healthz, /readyz or /metrics; got '\(path)'")
        }
        guard drainTimeout >= 0, idleTimeout > 0 else {
            throw ValidationError("--drain-timeout must be ≥ 0 and --idle-timeout > 0 seconds")
        }
        guard maxBody > 0 else { throw ValidationError("--max-body must be a positive number of bytes") }
        var tls: HTTPServeConfiguration.TLSFiles?
        switch (tlsCert, tlsKey) {
        case (nil, nil): tls = nil
        case (let cert?, let key?): tls = HTTPServeConfiguration.TLSFiles(certificatePath: cert, privateKeyPath: key)
        default: throw ValidationError("--tls-cert and --tls-key go together: give both to serve HTTPS")
        }
        var keys: APIKeys?
        if let apiKeys {
            do {
                keys = try APIKeys(contentsOf: apiKeys)
            } catch {
                throw ValidationError(error.description)
            }
        }
        return HTTPServeConfiguration(
            host: address.host, port: address.port, path: path,
            allowedOrigins: allowedOrigins.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty },
            maxBodyBytes: maxBody, idleTimeout: .milliseconds(Int(idleTimeout * 1000)), drainTimeout: .milliseconds(Int(drainTimeout * 1000)),
            stateless: stateless, tls: tls, auth: auth,
            siteHeaderHosts: allowSiteHeader.isEmpty ? nil : allowSiteHeader.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty },
            authorizationServers: authorizationServers, apiKeys: keys
        )
    }
}

extension HTTPServeConfiguration.AuthMode: ExpressibleByArgument {}
