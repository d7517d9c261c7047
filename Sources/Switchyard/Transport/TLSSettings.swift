import Foundation
import NIOSSL

/// How the client secures one connector's connections: the CA bundle it trusts instead of the system's,
/// the client certificate it presents (mutual TLS), and whether it verifies the server at all.
///
/// ```swift
/// var tls = TLSSettings()
/// tls.caFile = "/etc/pki/corp-root.pem"                 // trust the corporate CA (and only it)
/// let configuration = try tls.makeConfiguration()
/// ```
///
/// Settings are compared by file path, so connectors with the same settings share one HTTP client.
public struct TLSSettings: Sendable, Hashable, CustomStringConvertible {
    /// A PEM bundle of CA certificates trusted instead of the system trust store.
    public var caFile: String?
    /// A PEM certificate (chain) presented to servers that ask for one.
    public var clientCertificateFile: String?
    /// The PEM private key of ``clientCertificateFile``.
    public var clientKeyFile: String?
    /// The password of an encrypted ``clientKeyFile``: a secret, never part of ``description``.
    public var clientKeyPassword: String?
    /// `false` turns off certificate and host name verification: anyone on the path can read the traffic.
    public var verifiesCertificates = true

    /// The system trust store, no client certificate, full verification.
    public static let system = TLSSettings()

    public init(
        caFile: String? = nil, clientCertificateFile: String? = nil, clientKeyFile: String? = nil, clientKeyPassword: String? = nil,
        verifiesCertificates: Bool = true
    ) {
        self.caFile = caFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeyFile = clientKeyFile
        self.clientKeyPassword = clientKeyPassword
        self.verifiesCertificates = verifiesCertificates
    }

    /// The settings in a few words, file paths included (never their contents).
    public var description: String {
        var parts = [caFile.map { "CA bundle \($0)" } ?? "system trust store"]
        if let clientCertificateFile { parts.append("client certificate \(clientCertificateFile)") }
        if let clientKeyFile { parts.append("client key \(clientKeyFile)\(clientKeyPassword == nil ? "" : " (encrypted)")") }
        if !verifiesCertificates { parts.append("certificate verification OFF") }
        return parts.joined(separator: ", ")
    }

    /// The NIOSSL client configuration, loading every file now so a bad one fails with its path named.
    ///
    /// Errors say which file and why, never what it holds.
    public func makeConfiguration() throws(ExecutionError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            let certificates = try Self.loadCertificates(caFile, what: "CA bundle")
            configuration.trustRoots = .certificates(certificates)
        }
        switch (clientCertificateFile, clientKeyFile) {
        case (nil, nil):
            break
        case (let certificateFile?, let keyFile?):
            configuration.certificateChain = try Self.loadCertificates(certificateFile, what: "client certificate").map { .certificate($0) }
            configuration.privateKey = .privateKey(try Self.loadPrivateKey(keyFile, password: clientKeyPassword))
        case (.some, nil):
            throw ExecutionError(kind: .config, message: "a client certificate needs its private key too: give --client-key FILE (or the connector's client key setting)", retryable: false)
        case (nil, .some):
            throw ExecutionError(kind: .config, message: "a client key needs its certificate too: give --client-cert FILE (or the connector's client certificate setting)", retryable: false)
        }
        if !verifiesCertificates {
            configuration.certificateVerification = .none
        }
        do {
            // Building a context checks what loading cannot, such as a key that does not match its certificate.
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ExecutionError(
                kind: .config,
                message: "the TLS settings cannot be used (\(TransportErrorMapping.reasonCodes(in: "\(error)"))); check that the client key belongs to the client certificate",
                details: .object(fileDetails), retryable: false
            )
        }
        return configuration
    }

    private var fileDetails: JSONObject {
        var details: JSONObject = [:]
        if let caFile { details["ca_file"] = .string(caFile) }
        if let clientCertificateFile { details["client_cert"] = .string(clientCertificateFile) }
        if let clientKeyFile { details["client_key"] = .string(clientKeyFile) }
        return details
    }

    private static func loadCertificates(_ path: String, what: String) throws(ExecutionError) -> [NIOSSLCertificate] {
        let expanded = try readable(path, what: what)
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(expanded)
        } catch {
            throw fileError(path, what: what, problem: "holds no readable PEM certificate (\(TransportErrorMapping.reasonCodes(in: "\(error)")))")
        }
        guard !certificates.isEmpty else { throw fileError(path, what: what, problem: "holds no PEM certificate") }
        return certificates
    }

    private static func loadPrivateKey(_ path: String, password: String?) throws(ExecutionError) -> NIOSSLPrivateKey {
        let expanded = try readable(path, what: "client key")
        let encrypted = isEncryptedPEM(expanded)
        do {
            if let password {
                return try NIOSSLPrivateKey(file: expanded, format: .pem) { setPassword in setPassword(Array(password.utf8)) }
            }
            return try NIOSSLPrivateKey(file: expanded, format: .pem)
        } catch {
            switch (encrypted, password) {
            case (true, nil):
                throw fileError(path, what: "client key", problem: "is encrypted and needs its password", reason: "encrypted_key")
            case (true, .some):
                throw fileError(path, what: "client key", problem: "cannot be decrypted with the password given")
            case (false, _):
                throw fileError(path, what: "client key", problem: "holds no PEM private key")
            }
        }
    }

    /// Whether a PEM key file is encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY`, or a traditional key with
    /// `Proc-Type: 4,ENCRYPTED`). Only the headers are looked at; the key itself is never shown.
    private static func isEncryptedPEM(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED")
    }

    /// The path with `~` expanded, when it names a readable file.
    private static func readable(_ path: String, what: String) throws(ExecutionError) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            throw fileError(path, what: what, problem: "does not exist")
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: expanded) else {
            throw fileError(path, what: what, problem: "is not a readable file")
        }
        return expanded
    }

    private static func fileError(_ path: String, what: String, problem: String, reason: String? = nil) -> ExecutionError {
        var details: JSONObject = ["file": .string(path)]
        if let reason { details["reason"] = .string(reason) }
        return ExecutionError(kind: .config, message: "the \(what) file '\(path)' \(problem)", details: .object(details), retryable: false)
    }
}
