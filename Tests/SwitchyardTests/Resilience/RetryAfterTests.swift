import Foundation
import NIOCore
import Testing
@testable import Switchyard

@Suite("Reading how long the server asks to wait")
struct RetryAfterTests {
    private func response(_ headers: [(String, String)]) -> HTTPResponse {
        HTTPResponse(status: 429, headers: headers.map { (name: $0.0, value: $0.1) }, body: ByteBuffer())
    }

    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("Retry-After in seconds")
    func seconds() {
        #expect(RetryAfter.delay(from: response([("Retry-After", "7")]), now: now) == .seconds(7))
    }

    @Test("Retry-After as an HTTP-date")
    func httpDate() {
        let date = Date(timeIntervalSince1970: 1_790_000_030)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryAfter.delay(from: response([("Retry-After", formatter.string(from: date))]), now: now) == .seconds(30))
    }

    @Test("Atlassian's Beta-Retry-After and X-RateLimit-Reset are honoured when Retry-After is absent")
    func atlassianHeaders() {
        #expect(RetryAfter.delay(from: response([("Beta-Retry-After", "2")]), now: now) == .seconds(2))
        let reset = ISO8601DateFormatter().string(from: now.addingTimeInterval(120))
        #expect(RetryAfter.delay(from: response([("X-RateLimit-Reset", reset)]), now: now) == .seconds(120))
        let minutes = Date(timeIntervalSince1970: 1_790_000_040)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm'Z'"
        let text = formatter.string(from: minutes)
        let parsed = RetryAfter.delay(from: response([("X-RateLimit-Reset", text)]), now: now)
        #expect(parsed != nil)
    }

    @Test("a date in the past means no wait, and garbage is ignored")
    func pastAndGarbage() {
        #expect(RetryAfter.delay(from: response([("Retry-After", "Mon, 01 Jan 2001 00:00:00 GMT")]), now: now) == .zero)
        #expect(RetryAfter.delay(from: response([("Retry-After", "soon")]), now: now) == nil)
    }
}
