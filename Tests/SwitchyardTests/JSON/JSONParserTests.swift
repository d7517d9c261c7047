import Foundation
import Testing
@testable import Switchyard

@Suite("JSON parser and writer")
struct JSONParserTests {
    @Test("numbers keep their literal text through a round trip")
    func numbersRoundTripExactly() throws {
        let text = #"{"a":1.10,"b":-0,"c":12345678901234567890123,"d":1e400,"e":0.1000000000000000055511151231257827,"f":0,"g":1}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        #expect(value["f"]?.typeName == "integer")
        #expect(value["g"]?.boolValue == nil)
        #expect(value["g"]?.intValue == 1)
    }

    @Test("object member order is preserved")
    func memberOrderIsPreserved() throws {
        let text = #"{"zeta":1,"alpha":2,"mid":{"b":true,"a":null}}"#
        #expect(try JSONValue(parsing: text).serialized() == text)
    }

    @Test("escapes and unicode decode and re-encode")
    func escapesRoundTrip() throws {
        let value = try JSONValue(parsing: #"["line\nbreak","quote\"","tab\t","\u00e9\ud83d\ude00","slash\/","ctl\u0001"]"#)
        #expect(value[0]?.stringValue == "line\nbreak")
        #expect(value[3]?.stringValue == "é😀")
        #expect(value[4]?.stringValue == "slash/")
        #expect(value.serialized() == #"["line\nbreak","quote\"","tab\t","é😀","slash/","ctl\u0001"]"#)
    }

    @Test("pretty output indents and parses back to the same value")
    func prettyOutputParsesBack() throws {
        let value: JSONValue = ["key": "DEMO-1", "labels": ["a", "b"], "empty": [:], "none": []]
        let pretty = value.serialized(pretty: true)
        #expect(pretty.contains("\n  \"labels\": [\n    \"a\""))
        #expect(try JSONValue(parsing: pretty) == value)
    }

    @Test("malformed input reports line and column", arguments: [
        ("{\"a\":}", 1, 6),
        ("[1,2", 1, 5),
        ("{\n  \"a\": tru\n}", 2, 8),
        ("01", 1, 2),
        ("\"unterminated", 1, 14),
        ("{} extra", 1, 4),
    ])
    func malformedInputIsReported(text: String, line: Int, column: Int) {
        #expect {
            try JSONValue(parsing: text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test("raw control characters inside strings are rejected")
    func controlCharactersAreRejected() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "\"a\u{0001}b\"") }
    }

    @Test("seeded random documents survive parse → write → parse")
    func randomDocumentsRoundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let value = randomValue(depth: 0, using: &generator)
            let text = value.serialized()
            let parsed = try JSONValue(parsing: text)
            #expect(parsed == value)
            #expect(parsed.serialized() == text)
        }
    }

    @Test("seeded random byte mutations never crash the parser")
    func mutatedInputNeverCrashes() {
        var generator = SeededGenerator(seed: 7)
        let seed = Array(#"{"issues":[{"key":"DEMO-1","fields":{"summary":"Fix \"login\"","n":-1.5e3,"ok":true,"x":null}}]}"#.utf8)
        for _ in 0..<5000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if let value = try? JSONValue(parsing: bytes) {
                #expect((try? JSONValue(parsing: value.serializedBytes())) == value)
            }
        }
    }

    private func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(JSONNumber(Int.random(in: -1_000_000...1_000_000, using: &generator)))
        case 3:
            let scalars = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 1...126, using: &generator)))
            }
            return .string(String(scalars) + (Bool.random(using: &generator) ? "é\n" : ""))
        case 4: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                object["k\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }
}

@Suite("JSON byte counting")
struct JSONByteCountTests {
    @Test("the counted size equals the serialized size")
    func countMatchesSerialization() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let value = generator.value(depth: 0)
            #expect(value.serializedByteCount == value.serializedBytes().count)
        }
        let tricky: JSONValue = ["a\"b": "line\nbreak\t\u{01}é😀", "n": 1.50, "list": [nil, true, false, [], [:]]]
        #expect(tricky.serializedByteCount == tricky.serializedBytes().count)
    }
}

@Suite("JSON string escaping")
struct JSONStringEscapingTests {
    /// The escaping rules written out byte by byte, to check the word-at-a-time scan against.
    private static func reference(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case let control where control.value < 0x20: output += String(format: "\\u%04x", control.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    @Test("a character to escape is found at every position of a word and beyond", arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "é", "😀", " "])
    func everyPosition(special: String) {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31] {
            for position in 0...length {
                var characters = Array(repeating: "a", count: length)
                characters.insert(special, at: position)
                let text = characters.joined()
                let value = JSONValue.string(text)
                #expect(value.serialized() == Self.reference(text), "length \(length), position \(position)")
                #expect(value.serializedByteCount == value.serializedBytes().count)
                #expect((try? JSONValue(parsing: value.serializedBytes())) == value)
            }
        }
    }

    @Test("bytes just below and above the escaped ones are written as they are")
    func neighbours() {
        let text = String(decoding: (0x1E...0x23).map { UInt8($0) } + (0x5A...0x5E).map { UInt8($0) } + [0x80 - 1], as: UTF8.self)
        #expect(JSONValue.string(text).serialized() == Self.reference(text))
    }
}
