import Testing
@testable import Switchyard

/// Skimming an object finds where each member's value is without parsing it.
struct JSONSkimmingTests {
    private func members(_ text: String) throws(JSONParseError) -> [(key: String, value: String)] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            try JSONParser.members(buffer, in: 0..<buffer.count).map { ($0.key, String(decoding: bytes[$0.value], as: UTF8.self)) }
        }
    }

    @Test func findsEachValueWhateverItHolds() throws {
        let found = try members(#" { "a": {"b": "}]\"{", "c": [1, {"d": []}]}, "e" : "x\\", "f":-1.5e3,"g":true, "h": null, "i": [] } "#)
        #expect(found.map(\.key) == ["a", "e", "f", "g", "h", "i"])
        #expect(found.map(\.value) == [#"{"b": "}]\"{", "c": [1, {"d": []}]}"#, #""x\\""#, "-1.5e3", "true", "null", "[]"])
    }

    @Test func eachValueParsesAsTheWholeParseReadsIt() throws {
        let text = #"{"name": "demo", "entities": {"things": {"actions": {"get": {"x": [1, 2]}}}}, "n": 3}"#
        let bytes = Array(text.utf8)
        let whole = try JSONValue(parsing: bytes)
        let parsed = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parsed: [(String, JSONValue)] = []
            for member in try JSONParser.members(buffer, in: 0..<buffer.count) {
                parsed.append((member.key, try JSONParser.parse(buffer, in: member.value)))
            }
            return parsed
        }
        #expect(parsed.map(\.0) == ["name", "entities", "n"])
        for (key, value) in parsed {
            #expect(value == whole[key])
        }
    }

    @Test(arguments: [#"{"a": {"b": 1}"#, #"{"a": "open"#, #"{"a" 1}"#, #"{"a": 1,}"#, #"[1]"#, #"{"a": 1} x"#, #"{"a": }"#])
    func brokenObjectsAreErrors(text: String) {
        #expect(throws: JSONParseError.self) { try members(text) }
    }

    @Test func aValueParsedLaterNamesItsLineInTheWholeText() throws {
        let bytes = Array("{\n  \"a\": 1,\n  \"b\": {\"c\": tru}\n}".utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in
                let b = try JSONParser.members(buffer, in: 0..<buffer.count)[1]
                return try JSONParser.parse(buffer, in: b.value)
            }
        }
        guard case .failure(let error) = result else {
            Issue.record("a broken value should not parse")
            return
        }
        #expect(error.line == 3)
        #expect(error.column == 14)
    }

    @Test("strings and gaps of every length and alignment, with what a skim stops at anywhere in them")
    func findsValuesAtEveryAlignment() throws {
        // A skim reads eight bytes at once; these put escaped quotes, escapes, brackets and `|` (a false alarm
        // of the eight-byte test) at every offset of a word, inside strings and between values.
        let fillers = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", String(repeating: "x", count: 23)]
        let marks = [#"\""#, #"\\"#, "{", "}", "[", "]", "|", "\\u0041", " "]
        var members: [(key: String, value: String)] = []
        for (offset, filler) in fillers.enumerated() {
            for (number, mark) in marks.enumerated() {
                let text = "\"\(filler)\(mark)\(String(filler.reversed()))\""
                let value = number.isMultiple(of: 2) ? text : "[\(text),\(String(repeating: " ", count: offset)){\"k\":\(text)} ]"
                members.append(("m\(offset)-\(number)", value))
            }
        }
        let document = "{" + members.map { "\"\($0.key)\":" + String(repeating: " ", count: $0.key.count % 9) + $0.value }.joined(separator: ",") + "}"
        let found = try self.members(document)
        #expect(found.map(\.key) == members.map(\.key))
        #expect(found.map(\.value) == members.map(\.value))
        let whole = try JSONValue(parsing: Array(document.utf8))
        #expect(whole.objectValue?.count == members.count)
    }
}
