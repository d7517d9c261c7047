import Testing
@testable import SwitchyardHTTP

/// The `Accept` header of an MCP POST, read byte by byte: which of JSON and an event stream the client takes.
@Suite("Accept header of a Streamable HTTP POST")
struct AcceptedMediaTests {
    @Test("media ranges are matched whatever their case, spacing and parameters", arguments: [
        ("application/json, text/event-stream", true, true),
        ("APPLICATION/JSON;q=0.9 ,\tText/Event-Stream ; q=1", true, true),
        ("application/json", true, false),
        ("text/event-stream", false, true),
        ("*/*", true, false),
        ("application/*, text/*", true, true),
        ("text/html, application/xml", false, false),
        ("application/jsonx, text/event-streams", false, false),
        ("", true, false),
        (",, ;q=1", false, false),
    ])
    func accepts(header: String, json: Bool, eventStream: Bool) {
        let media = AcceptedMedia(header)
        #expect(media.json == json, "\(header)")
        #expect(media.eventStream == eventStream, "\(header)")
    }

    @Test("no header means JSON")
    func absent() {
        #expect(AcceptedMedia(nil).json)
        #expect(!AcceptedMedia(nil).eventStream)
    }
}
