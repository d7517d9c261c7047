/// Writes ``JSONValue`` as UTF-8 JSON: compact for the wire, or indented for people.
///
/// Strings are escaped minimally (quote, backslash, control characters); `/` and non-ASCII text are
/// written as they are, and number literals are written exactly as they were read.
struct JSONWriter: ~Copyable {
    let pretty: Bool
    private var output: JSONOutputBuffer

    init(pretty: Bool, capacity: Int = 1024) {
        self.pretty = pretty
        output = JSONOutputBuffer(capacity: capacity)
    }

    /// The JSON written so far.
    consuming func finish() -> [UInt8] {
        output.finish()
    }

    mutating func write(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .number(let number): writeUTF8(of: number.text)
        case .string(let text): writeString(text)
        case .array(let elements): writeArray(elements, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], indent: Int) {
        guard !elements.isEmpty else {
            output.append("[]")
            return
        }
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            write(element, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        guard !object.isEmpty else {
            output.append("{}")
            return
        }
        output.append(UInt8(ascii: "{"))
        for (position, member) in object.members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            writeString(member.key)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(member.value, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(repeating: UInt8(ascii: " "), count: indent * 2)
    }

    mutating func writeString(_ text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { output.appendQuoted($0) }
        if written == nil {
            Array(text.utf8).withUnsafeBufferPointer { output.appendQuoted($0) }
        }
    }

    private mutating func writeUTF8(of text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { output.append($0) }
        if written == nil {
            Array(text.utf8).withUnsafeBufferPointer { output.append($0) }
        }
    }
}

extension JSONValue {
    /// The value as JSON text: compact (one line) by default, or indented by two spaces with `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The value as UTF-8 JSON bytes.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self)
        return writer.finish()
    }
}

extension JSONValue {
    /// How many bytes ``serialized(pretty:)`` would produce (compact form), counted without building them.
    public var serializedByteCount: Int {
        switch self {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .number(let number): return number.text.utf8.count
        case .string(let text): return JSONValue.quotedByteCount(text)
        case .array(let elements):
            return 2 + elements.reduce(max(0, elements.count - 1)) { $0 + $1.serializedByteCount }
        case .object(let object):
            return 2 + object.members.reduce(max(0, object.count - 1)) { total, member in
                total + JSONValue.quotedByteCount(member.key) + 1 + member.value.serializedByteCount
            }
        }
    }

    private static func quotedByteCount(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable(quotedByteCount)
        return counted ?? Array(text.utf8).withUnsafeBufferPointer(quotedByteCount)
    }

    private static func quotedByteCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 2 + utf8.count
        var position = JSONEscapeScan.firstEscape(in: utf8, from: 0)
        while position < utf8.count {
            switch utf8[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09, 0x08, 0x0C: count += 1
            default: count += 5
            }
            position = JSONEscapeScan.firstEscape(in: utf8, from: position + 1)
        }
        return count
    }
}
