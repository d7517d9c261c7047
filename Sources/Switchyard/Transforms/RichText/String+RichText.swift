/// String helpers for the rich-text readers and writers, written without Foundation.
///
/// ```swift
/// "a\r\nb".normalizingLineEndings()        // "a\nb"
/// "x]]>y".replacingAll("]]>", with: "]]&gt;")   // "x]]&gt;y"
/// ```
extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> String {
        ArraySlice(utf8).trimmingWhitespace().string
    }

    /// The string with `\r\n` and lone `\r` line endings turned into `\n`.
    func normalizingLineEndings() -> String {
        guard utf8.contains(0x0D) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var previousWasReturn = false
        for byte in utf8 {
            if byte == 0x0D {
                output.append(0x0A)
                previousWasReturn = true
                continue
            }
            if !(byte == 0x0A && previousWasReturn) { output.append(byte) }
            previousWasReturn = false
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The string with every line feed and carriage return replaced by `replacement`.
    func replacingLineBreaks(with replacement: String) -> String {
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return self }
        var output = ""
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\r" { output += replacement } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                output.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
