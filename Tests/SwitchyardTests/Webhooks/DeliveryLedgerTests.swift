import SwitchyardWebhooks
import Testing

@Suite("Delivery ledger")
struct DeliveryLedgerTests {
    @Test func anIdentifierIsRecordedOnce() async {
        let ledger = DeliveryLedger(window: .seconds(60), capacity: 10)
        #expect(await ledger.record("a"))
        #expect(await !ledger.record("a"))
        #expect(await ledger.record("b"))
    }

    @Test func memoryStaysWithinCapacityForgettingTheOldest() async {
        let ledger = DeliveryLedger(window: .seconds(60), capacity: 3)
        for identifier in ["a", "b", "c", "d"] { #expect(await ledger.record(identifier)) }
        #expect(await ledger.count == 3)
        #expect(await ledger.record("a"))
        #expect(await !ledger.record("d"))
    }

    @Test func anIdentifierIsForgottenAfterTheWindow() async throws {
        let ledger = DeliveryLedger(window: .milliseconds(50), capacity: 10)
        #expect(await ledger.record("a"))
        try await Task.sleep(for: .milliseconds(120))
        #expect(await ledger.record("a"))
    }
}
