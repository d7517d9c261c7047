@testable import Switchyard

/// A small deterministic generator (SplitMix64), so a failing fuzz case repeats exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &self) < percent
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices.randomElement(using: &self)!
    }

    static let names = ["jql", "key", "id", "fields", "summary", "labels", "maxResults", "a", "", "x.y", "Jql"]
    static let typeNames = ["null", "boolean", "integer", "number", "string", "array", "object", "int"]
    static let patterns = ["^[A-Z]+-\\d+$", "a|b", "(", "[z-a]", "^$", "\\w+", ".*"]
    static let formats = ["date", "date-time", "uri", "email", "hostname"]
    static let extremeNumbers = ["9223372036854775807", "4611686018427387904", "-9223372036854775808", "1e400", "1e-400", "0.0"]
        .map { JSONNumber(literal: $0)! }
    static let strings = ["", "DEMO-1", "2024-02-29", "2024-05-01T12:00:00Z", "https://x.io", "a@b.c", "é😀", "jqll"]

    /// Mostly well-formed schemas, with some wrong keyword values mixed in.
    mutating func schema(depth: Int) -> JSONValue {
        if chance(5) { return .bool(chance(70)) }
        if chance(3) { return value(depth: depth) }
        var object = JSONObject()
        for _ in 0..<Int.random(in: 0...4, using: &self) {
            let keyword = pick([
                "type", "properties", "required", "additionalProperties", "enum", "const", "default", "items",
                "minItems", "maxItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                "minLength", "maxLength", "pattern", "format", "oneOf", "anyOf", "allOf", "description", "$ref",
                "x-note",
            ])
            object[keyword] = keywordValue(keyword, depth: depth)
        }
        return .object(object)
    }

    private mutating func keywordValue(_ keyword: String, depth: Int) -> JSONValue {
        if chance(4) { return value(depth: 2) }
        let nested = depth < 3
        switch keyword {
        case "type":
            return chance(70) ? .string(pick(Self.typeNames)) : .array((0..<2).map { _ in .string(pick(Self.typeNames)) })
        case "properties":
            guard nested else { return [:] }
            return .object(JSONObject((0..<Int.random(in: 0...3, using: &self)).map { _ in (pick(Self.names), schema(depth: depth + 1)) }))
        case "required":
            return .array((0..<Int.random(in: 0...2, using: &self)).map { _ in .string(pick(Self.names)) })
        case "additionalProperties", "items":
            return chance(40) || !nested ? .bool(chance(50)) : schema(depth: depth + 1)
        case "enum":
            return .array((0..<Int.random(in: 1...12, using: &self)).map { _ in value(depth: 2) })
        case "const", "default":
            return value(depth: 1)
        case "minItems", "maxItems", "minLength", "maxLength":
            return chance(10) ? .number(pick(Self.extremeNumbers)) : .number(JSONNumber(Int.random(in: -1...5, using: &self)))
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
            return chance(10) ? .number(pick(Self.extremeNumbers)) : .number(JSONNumber(Double(Int.random(in: -20...20, using: &self)) / 4))
        case "uniqueItems":
            return .bool(chance(50))
        case "pattern":
            return .string(pick(Self.patterns))
        case "format":
            return .string(pick(Self.formats))
        case "oneOf", "anyOf", "allOf":
            guard nested else { return [true] }
            return .array((0..<Int.random(in: 1...3, using: &self)).map { _ in schema(depth: depth + 1) })
        default:
            return .string(pick(Self.strings))
        }
    }

    /// Any JSON value, up to a few levels deep.
    mutating func value(depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &self) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .number(chance(10) ? pick(Self.extremeNumbers) : JSONNumber(Int.random(in: -10...10, using: &self)))
        case 3: return .number(JSONNumber(Double.random(in: -100...100, using: &self)))
        case 4, 5: return .string(pick(Self.strings))
        case 6: return .array((0..<Int.random(in: 0...4, using: &self)).map { _ in value(depth: depth + 1) })
        default:
            return .object(JSONObject((0..<Int.random(in: 0...4, using: &self)).map { _ in (pick(Self.names), value(depth: depth + 1)) }))
        }
    }
}
