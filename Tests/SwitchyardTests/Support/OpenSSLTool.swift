import Foundation

/// Runs the `openssl` command-line tool in a scratch directory, so tests can check RSA work against an
/// independent implementation.
///
/// ```swift
/// let openssl = try OpenSSLTool()
/// try openssl.run("genrsa", "-out", "key.pem", "2048")
/// let signature = try openssl.read("sig.bin")
/// ```
struct OpenSSLTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The `openssl` executable on `PATH`, or `nil` when there is none.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// A fresh scratch directory, removed by ``removeDirectory()``.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `openssl arguments…` in the scratch directory and returns its standard output; a non-zero exit throws.
    @discardableResult
    func run(_ arguments: String...) throws -> [UInt8] {
        try run(arguments)
    }

    /// Runs `openssl arguments…` as ``run(_:)-(String...)`` does, with the arguments in an array.
    @discardableResult
    func run(_ arguments: [String]) throws -> [UInt8] {
        guard let executable = Self.executable else { throw Failure(description: "openssl is not on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? "") exited with \(process.terminationStatus): \(errorText)")
        }
        return Array(bytes)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    func text(_ name: String) throws -> String {
        String(decoding: try read(name), as: UTF8.self)
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }
}
