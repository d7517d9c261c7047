import Testing
@testable import Switchyard

@Suite("Multipart request bodies")
struct MultipartRequestTests {
    static let uploadRequest: JSONValue = [
        "method": "POST", "path": "/files",
        "multipart": [
            "file": ["filename": "{filename}", "content": "{content}", "encoding": "{encoding}", "content_type": "{content_type}", "max_bytes": 16],
            "comment": "{comment}",
        ],
    ]

    static let params: JSONValue = [
        "type": "object",
        "properties": [
            "filename": ["type": "string"], "content": ["type": "string"], "comment": ["type": "string"],
            "encoding": ["type": "string", "default": "text"], "content_type": ["type": "string"],
        ],
        "required": ["filename", "content"],
    ]

    private func build(_ params: JSONObject) throws(ExecutionError) -> PreparedRequest {
        let manifest = try! ManifestDecoder.decode([
            "name": "demo", "title": "Demo", "version": "1", "description": "d", "base_url": "https://x.example.com",
            "entities": ["e": ["description": "E", "actions": ["upload": ["description": "A", "params": Self.params, "request": Self.uploadRequest]]]],
        ], source: "test")
        var filled = params
        if filled["encoding"] == nil { filled["encoding"] = "text" }
        return try RequestBuilder.build(manifest.entities[0].actions[0].request, params: filled, baseURL: "https://x.example.com", connectorHeaders: [])
    }

    private func form(_ request: PreparedRequest) throws -> MultipartForm {
        guard case .multipart(let form)? = request.body else { throw ExecutionError(kind: .validation, message: "the body is not multipart") }
        return form
    }

    @Test("a text file becomes a file part with its name and type; the Content-Type header carries the boundary")
    func textFile() throws {
        let request = try build(["filename": "notes.txt", "content": "héllo", "content_type": "text/plain", "comment": "see file"])
        let form = try form(request)
        #expect(request.header("Content-Type") == "multipart/form-data; boundary=\(form.boundary)")
        #expect(form.parts.map(\.name) == ["file", "comment"])
        #expect(form.parts[0].filename == "notes.txt")
        #expect(form.parts[0].contentType == "text/plain")
        #expect(form.parts[0].data == Array("héllo".utf8))
        #expect(form.parts[1].filename == nil)
        #expect(form.parts[1].data == Array("see file".utf8))
    }

    @Test("base64 content is decoded to bytes; without a content type the part is application/octet-stream; an absent text part is left out")
    func base64File() throws {
        let form = try form(try build(["filename": "dot.bin", "content": "AP8K\nDQ==", "encoding": "base64"]))
        #expect(form.parts.count == 1)
        #expect(form.parts[0].data == [0x00, 0xFF, 0x0A, 0x0D])
        #expect(form.parts[0].contentType == "application/octet-stream")
    }

    @Test("content that is not base64 is a validation error naming the param and the offset")
    func badBase64() {
        let error = #expect(throws: ExecutionError.self) { try build(["filename": "a.png", "content": "iVBOR w0K!!", "encoding": "base64"]) }
        #expect(error?.kind == .validation)
        #expect(error?.message.contains("param 'content' is not valid base64: '!' at offset 9") == true)
        #expect(error?.details["param"] == "content")
    }

    @Test("a file over max_bytes is a validation error with the size and the limit")
    func tooLarge() {
        let error = #expect(throws: ExecutionError.self) { try build(["filename": "big.txt", "content": "0123456789abcdefX"]) }
        #expect(error?.kind == .validation)
        #expect(error?.message.contains("param 'content' is 17 bytes, over the 16-byte limit of part 'file'") == true)
        #expect(error?.details["max_bytes"] == 16)
        #expect(error?.details["bytes"] == 17)
    }

    @Test("an encoding other than text or base64, an empty file name and a malformed content type are refused, naming the param")
    func badValues() {
        func message(_ params: JSONObject) -> String? {
            do {
                _ = try build(params)
                return nil
            } catch {
                return error.kind == .validation ? error.message : "wrong kind \(error.kind)"
            }
        }
        #expect(message(["filename": "a", "content": "x", "encoding": "hex"])?.contains("param 'encoding' must be 'text' or 'base64'") == true)
        #expect(message(["filename": "", "content": "x"])?.contains("param 'filename' is needed") == true)
        #expect(message(["filename": "a", "content": "x", "content_type": "text/plain\r\nX-Evil: 1"])?.contains("param 'content_type' must be a media type") == true)
        #expect(message(["filename": "a", "content": "x", "content_type": "plain"])?.contains("param 'content_type'") == true)
        #expect(message(["filename": "a", "content": "x", "content_type": "text/plain; charset=utf-8"]) == nil)
    }
}
