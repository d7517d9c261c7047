import Testing

@testable import Switchyard

@Suite("format keyword")
struct StringFormatTests {
    @Test(arguments: ["2024-05-01", "2024-02-29", "2000-02-29", "1999-12-31"])
    func dateAcceptsFullDates(_ text: String) {
        #expect(StringFormat.date.accepts(text))
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "1900-02-29", "2024-04-31", "2024-5-01", "24-05-01", "2024-05-01T00:00:00Z", "2024/05/01", ""])
    func dateRejectsAnythingElse(_ text: String) {
        #expect(!StringFormat.date.accepts(text))
    }

    @Test(arguments: [
        "2024-05-01T12:00:00Z", "2024-05-01t12:00:00z", "2024-05-01T12:00:00.123456Z",
        "2024-05-01T12:00:00+02:00", "2024-05-01T12:00:00-07:30", "2016-12-31T23:59:60Z", "2016-12-31T15:59:60-08:00",
    ])
    func dateTimeAcceptsRFC3339WithZOrOffset(_ text: String) {
        #expect(StringFormat.dateTime.accepts(text))
    }

    @Test(arguments: [
        "2024-05-01T12:00:00", "2024-05-01 12:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z",
        "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00+0200", "2024-05-01T12:00:00+24:00", "2024-05-01T12:00:60Z",
        "2024-02-30T12:00:00Z", "2024-05-01",
    ])
    func dateTimeRejectsAnythingElse(_ text: String) {
        #expect(!StringFormat.dateTime.accepts(text))
    }

    @Test(arguments: [
        "https://example.atlassian.net/browse/DEMO-1", "http://a.b/c?d=e&f=g#h", "urn:isbn:0451450523",
        "mailto:someone@example.com", "https://example.com/a%20b", "http://[::1]:8080/",
    ])
    func uriAcceptsAbsoluteURIs(_ text: String) {
        #expect(StringFormat.uri.accepts(text))
    }

    @Test(arguments: [
        "/browse/DEMO-1", "example.com", "//example.com/x", "1http://x", "http://exa mple.com", "http://x/%zz",
        "http://x/a#b#c", "https://exämple.com", "",
    ])
    func uriRejectsRelativeOrMalformedURIs(_ text: String) {
        #expect(!StringFormat.uri.accepts(text))
    }

    @Test(arguments: [
        "someone@example.com", "first.last+tag@sub.example.co", "\"john doe\"@example.com", "admin@localhost",
        "user@[192.168.0.1]",
    ])
    func emailAcceptsMailboxes(_ text: String) {
        #expect(StringFormat.email.accepts(text))
    }

    @Test(arguments: [
        "someone", "@example.com", "someone@", ".a@example.com", "a..b@example.com", "a@-example.com",
        "a@exam_ple.com", "a b@example.com", "a@example..com", "a@[256.0.0.1]",
    ])
    func emailRejectsAnythingElse(_ text: String) {
        #expect(!StringFormat.email.accepts(text))
    }

    @Test func formatViolationDescribesTheExpectedForm() throws {
        let schema = try JSONSchema(["properties": ["duedate": ["type": "string", "format": "date"]]])
        let violation = try #require(schema.validate(["duedate": "2024-13-01"]).first)
        #expect(violation.message == #"param 'duedate' must be a date (YYYY-MM-DD), got "2024-13-01""#)
        #expect(violation.keyword == "format")
        #expect(violation.expected == "a date (YYYY-MM-DD)")
    }

    @Test func unknownFormatsAreIgnored() throws {
        let schema = try JSONSchema(["format": "jira-key"])
        #expect(schema.validate("anything at all").isEmpty)
    }

    @Test func formatIgnoresNonStrings() throws {
        let schema = try JSONSchema(["format": "date-time"])
        #expect(schema.validate(20240501).isEmpty)
    }
}
