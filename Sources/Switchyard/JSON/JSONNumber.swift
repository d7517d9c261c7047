/// A JSON number that keeps its literal text, so `1.10`, `-0` or a 30-digit id pass through unchanged.
///
/// ```swift
/// let price = JSONNumber(literal: "19.90")!
/// price.text         // "19.90"
/// price.doubleValue  // 19.9
/// JSONNumber(42).text  // "42"
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written in JSON.
    public let text: String

    /// Wraps a literal that is already known to be valid JSON number syntax (the parser's fast path).
    init(unchecked text: String) {
        self.text = text
    }

    /// A number from a JSON literal, or `nil` when `literal` is not valid JSON number syntax.
    public init?(literal: String) {
        guard JSONNumber.isValidLiteral(literal.utf8) else { return nil }
        self.text = literal
    }

    public init(_ value: Int) {
        self.text = String(value)
    }

    /// A number from a `Double`; integral values are written without a fraction (`3`, not `3.0`).
    /// Non-finite values have no JSON form and become `0`.
    public init(_ value: Double) {
        guard value.isFinite else {
            self.text = "0"
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// Whether the literal has no fraction and no exponent.
    public var isInteger: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
            || (doubleValue.map { $0 == $0.rounded() && abs($0) < 9.007_199_254_740_992e15 } ?? false)
    }

    /// The value as an `Int`, when it is integral and fits.
    public var intValue: Int? {
        if let exact = Int(text) { return exact }
        guard let double = doubleValue, double == double.rounded(), abs(double) < 9.2e18 else { return nil }
        return Int(double)
    }

    public var doubleValue: Double? { Double(text) }

    public var description: String { text }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.text == rhs.text { return true }
        guard let left = lhs.doubleValue, let right = rhs.doubleValue else { return false }
        return left == right
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue ?? 0)
    }

    /// RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValidLiteral(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        func advance() { index = bytes.index(after: index) }
        func digits() -> Int {
            var count = 0
            while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                advance()
                count += 1
            }
            return count
        }
        if peek() == UInt8(ascii: "-") { advance() }
        if peek() == UInt8(ascii: "0") {
            advance()
        } else if digits() == 0 {
            return false
        }
        if peek() == UInt8(ascii: ".") {
            advance()
            if digits() == 0 { return false }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            if digits() == 0 { return false }
        }
        return index == bytes.endIndex
    }
}
