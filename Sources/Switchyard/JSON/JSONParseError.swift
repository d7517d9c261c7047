/// Why some bytes are not JSON, and where: the byte offset plus a 1-based line and column.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int

    public var description: String {
        "\(message) at line \(line), column \(column)"
    }
}
