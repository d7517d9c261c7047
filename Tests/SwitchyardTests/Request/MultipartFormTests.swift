import Testing
@testable import Switchyard

@Suite("Multipart form encoding")
struct MultipartFormTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("parts are framed by the boundary with CRLF, file parts carry a file name and type")
    func framing() {
        let form = MultipartForm(
            parts: [
                .init(name: "comment", data: Array("see attached".utf8)),
                .init(name: "file", filename: "notes.txt", contentType: "text/plain", data: Array("hello".utf8)),
            ],
            boundary: "B0undary"
        )
        #expect(form.contentType == "multipart/form-data; boundary=B0undary")
        #expect(Self.text(form.bytes) == """
            --B0undary\r
            Content-Disposition: form-data; name="comment"\r
            \r
            see attached\r
            --B0undary\r
            Content-Disposition: form-data; name="file"; filename="notes.txt"\r
            Content-Type: text/plain\r
            \r
            hello\r
            --B0undary--\r

            """)
    }

    @Test("the boundary is random: two forms of the same parts get different boundaries of 43 safe characters")
    func randomBoundary() {
        let parts = [MultipartForm.Part(name: "file", filename: "a.txt", data: [1, 2, 3])]
        let first = MultipartForm(parts: parts)
        let second = MultipartForm(parts: parts)
        #expect(first.boundary != second.boundary)
        #expect(first.boundary.hasPrefix("switchyard-"))
        #expect(first.boundary.count == 43)
        #expect(first.boundary.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    }

    @Test("a boundary that occurs in the content is redrawn")
    func boundaryAvoidsContent() {
        var probe = SeededGenerator(seed: 42)
        let firstDraw = MultipartForm.randomBoundary(using: &probe)
        let parts = [MultipartForm.Part(name: "file", filename: "trap.txt", data: Array("before \(firstDraw) after".utf8))]
        var generator = SeededGenerator(seed: 42)
        let form = MultipartForm(parts: parts, generator: &generator)
        #expect(form.boundary != firstDraw)
        #expect(!MultipartForm.contains(Array(form.boundary.utf8), in: parts[0].data))
    }

    @Test("quotes, CR and LF in names are percent-encoded, so a file name cannot add a header")
    func nameEscaping() {
        let form = MultipartForm(
            parts: [.init(name: "fi\"le", filename: "evil\"; name=\"x\r\nX-Injected: 1\r\n\r\nbody.txt", contentType: "text/plain", data: [0x41])],
            boundary: "b"
        )
        let lines = Self.text(form.bytes).components(separatedBy: "\r\n")
        #expect(lines[1] == #"Content-Disposition: form-data; name="fi%22le"; filename="evil%22; name=%22x%0D%0AX-Injected: 1%0D%0A%0D%0Abody.txt""#)
        #expect(lines[2] == "Content-Type: text/plain")
        #expect(!lines.contains { $0.hasPrefix("X-Injected") })
    }

    @Test("non-ASCII file names are sent as UTF-8")
    func unicodeFilename() {
        let form = MultipartForm(parts: [.init(name: "file", filename: "Übersicht – 報告.txt", data: [])], boundary: "b")
        #expect(Self.text(form.bytes).contains(#"filename="Übersicht – 報告.txt""#))
    }

    @Test("binary content goes through byte for byte, every byte value included")
    func binaryContent() {
        let bytes = (0...255).map(UInt8.init) + [13, 10, 45, 45]
        let form = MultipartForm(parts: [.init(name: "file", filename: "all.bin", contentType: "application/octet-stream", data: bytes)])
        let encoded = form.bytes
        let head = Array("--\(form.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"all.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        let tail = Array("\r\n--\(form.boundary)--\r\n".utf8)
        #expect(Array(encoded.prefix(head.count)) == head)
        #expect(Array(encoded.dropFirst(head.count).dropLast(tail.count)) == bytes)
        #expect(Array(encoded.suffix(tail.count)) == tail)
    }

    @Test("the fingerprint of a body ignores its random boundary")
    func fingerprintIgnoresBoundary() {
        let parts = [MultipartForm.Part(name: "file", filename: "a.txt", data: Array("same".utf8))]
        let first = RequestBody.multipart(MultipartForm(parts: parts))
        let second = RequestBody.multipart(MultipartForm(parts: parts))
        #expect(first.bytes != second.bytes)
        #expect(first.fingerprintBytes == second.fingerprintBytes)
        let other = RequestBody.multipart(MultipartForm(parts: [.init(name: "file", filename: "a.txt", data: Array("different".utf8))]))
        #expect(other.fingerprintBytes != first.fingerprintBytes)
    }
}

@Suite("Base64 decoding of file content")
struct Base64DecoderTests {
    @Test("standard base64 decodes, with or without padding, ignoring whitespace and line breaks")
    func decodes() throws {
        #expect(try Base64Decoder.decode("aGVsbG8=") == Array("hello".utf8))
        #expect(try Base64Decoder.decode("aGVsbG8") == Array("hello".utf8))
        #expect(try Base64Decoder.decode("aGVs\nbG8g\r\nd29y bGQ=") == Array("hello world".utf8))
        #expect(try Base64Decoder.decode("") == [])
        #expect(try Base64Decoder.decode("AP8A/w==") == [0, 255, 0, 255])
    }

    @Test("a character outside the alphabet is reported with its offset")
    func rejectsBadCharacter() {
        #expect(throws: Base64Decoder.Failure.self) { try Base64Decoder.decode("aGVs*G8=") }
        do {
            _ = try Base64Decoder.decode("aGVs*G8=")
        } catch {
            #expect(error.message.contains("'*' at offset 4"))
        }
    }

    @Test("a wrong length, data after padding, and too much padding are errors")
    func rejectsBadShape() {
        #expect(throws: Base64Decoder.Failure.self) { try Base64Decoder.decode("aGVsb") }
        #expect(throws: Base64Decoder.Failure.self) { try Base64Decoder.decode("aG=Vs") }
        #expect(throws: Base64Decoder.Failure.self) { try Base64Decoder.decode("aGVsbA===") }
        #expect(throws: Base64Decoder.Failure.self) { try Base64Decoder.decode("aGVsbG8==") }
    }
}
