import Synchronization

/// A `pattern` keyword compiled once, when the schema loads; a pattern that many schemas share (the bundled
/// manifests use 6 distinct ones 60 times) is compiled once per process (``shared(_:)``).
///
/// Matching follows ECMA-262 as JSON Schema asks: the pattern is searched for anywhere in the string (anchor it
/// with `^…$` to match the whole value), it runs over Unicode scalars rather than grapheme clusters, and `\d`
/// and `\w` match ASCII only.
struct CompiledPattern: @unchecked Sendable {
    // `Regex` is not declared `Sendable`, but a compiled regex is never mutated: its one piece of lazy state,
    // the lowered matching program, is initialised atomically by the standard library
    // (swift-experimental-string-processing #474), and the warm-up match below lowers it before the pattern
    // is shared.
    private let regex: Regex<AnyRegexOutput>

    /// The pattern as written in the schema.
    let source: String

    /// Compiles `source`; throws the regex parser's error when it is not a valid pattern.
    init(_ source: String) throws {
        self.source = source
        regex = try Regex(source)
            .matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
        _ = "".contains(regex)
    }

    /// The compiled form of `source`, from the process-wide cache when an earlier schema compiled it.
    static func shared(_ source: String) throws -> CompiledPattern {
        if let cached = cache.withLock({ $0[source] }) { return cached }
        let pattern = try CompiledPattern(source)
        cache.withLock { $0[source] = pattern }
        return pattern
    }

    private static let cache = Mutex<[String: CompiledPattern]>([:])

    /// Whether the pattern occurs anywhere in `text`.
    func matches(_ text: String) -> Bool {
        // `firstMatch` runs measurably faster than `String.contains(_:)`; it throws only for custom components,
        // which a pattern parsed from a string cannot contain.
        (try? regex.firstMatch(in: text)) != nil
    }
}
