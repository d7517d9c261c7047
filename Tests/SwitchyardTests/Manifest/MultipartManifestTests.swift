import Testing
@testable import Switchyard

@Suite("Manifest checks: multipart bodies")
struct MultipartManifestTests {
    static let uploadParams: JSONValue = [
        "type": "object",
        "properties": ["id": ["type": "string"], "filename": ["type": "string"], "content": ["type": "string"]],
        "required": ["id", "filename", "content"],
    ]

    static func upload(_ multipart: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
        var request: JSONObject = ["method": "POST", "path": "/things/{id}/files", "multipart": multipart]
        for (key, value) in extra { request[key] = value }
        return demoManifest(action: ["description": "Upload.", "params": uploadParams, "request": .object(request)])
    }

    static let request = "/entities/things/actions/act/request"

    @Test("a well-formed multipart request decodes into text and file parts")
    func validMultipart() throws {
        let json = Self.upload(["file": ["filename": "{filename}", "content": "{content}", "encoding": "base64", "max_bytes": 1024], "note": "from {id}"])
        let manifest = try ManifestDecoder.decode(json, source: "demo.json")
        guard case .multipart(let parts)? = manifest.entities[0].actions[0].request.body else {
            Issue.record("expected a multipart body")
            return
        }
        #expect(parts.map(\.name) == ["file", "note"])
        guard case .file(let file) = parts[0].kind else {
            Issue.record("expected a file part")
            return
        }
        #expect(file.maximumBytes == 1024)
        #expect(file.encoding?.source == "base64")
    }

    @Test("a file part needs filename and content, and content must place a param")
    func filePartNeedsFields() {
        let missing = manifestProblems(Self.upload(["file": ["content": "{content}"]]))
        #expect(hasProblem(missing, Self.request + "/multipart/file", "missing required field 'filename'"))
        let literal = manifestProblems(Self.upload(["file": ["filename": "{filename}", "content": "fixed text"]]))
        #expect(hasProblem(literal, Self.request + "/multipart/file/content", "'content' must place a param"))
    }

    @Test("an unknown encoding, a bad max_bytes, an unknown field and a wrong part type are reported where they are")
    func badFileFields() {
        let found = manifestProblems(Self.upload([
            "file": ["filename": "{filename}", "content": "{content}", "encoding": "hex", "max_bytes": 0, "mime": "text/plain"],
            "other": 42,
        ]))
        #expect(hasProblem(found, Self.request + "/multipart/file/encoding", "'encoding' must be 'text', 'base64'"))
        #expect(hasProblem(found, Self.request + "/multipart/file/max_bytes", "integer ≥ 1"))
        #expect(hasProblem(found, Self.request + "/multipart/file/mime", "unknown field 'mime'"))
        #expect(hasProblem(found, Self.request + "/multipart/other", "must be a text template or a file object"))
    }

    @Test("a multipart placeholder without a param is reported with a suggestion")
    func multipartPlaceholder() {
        let found = manifestProblems(Self.upload(["file": ["filename": "{filenme}", "content": "{content}"]]))
        #expect(hasProblem(found, Self.request + "/multipart/file", "placeholder {filenme} has no matching param; did you mean {filename}?"))
    }

    @Test("multipart with body or form, and an empty multipart, are reported")
    func multipartExclusive() {
        let both = manifestProblems(Self.upload(["file": ["filename": "{filename}", "content": "{content}"]], extra: [("body", ["x": "{id}"])]))
        #expect(hasProblem(both, Self.request + "/multipart", "one of 'body', 'form' or 'multipart'"))
        let empty = manifestProblems(Self.upload([:]))
        #expect(hasProblem(empty, Self.request + "/multipart", "at least one part"))
    }
}
