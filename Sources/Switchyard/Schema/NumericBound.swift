/// A `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum` limit.
///
/// Integers are compared exactly, so a 19-digit id is not rounded through `Double`; anything else is
/// compared as `Double`.
struct NumericBound: Sendable {
    /// Where a value lies relative to the limit.
    enum Position {
        case below, at, above
    }

    let limit: JSONNumber
    private let exactLimit: Int?
    private let approximateLimit: Double

    init(_ limit: JSONNumber) {
        self.limit = limit
        exactLimit = Int(limit.text)
        approximateLimit = limit.doubleValue ?? 0
    }

    func position(of value: JSONNumber) -> Position {
        if let exactLimit, let exactValue = Int(value.text) {
            return exactValue < exactLimit ? .below : exactValue == exactLimit ? .at : .above
        }
        let approximateValue = value.doubleValue ?? 0
        return approximateValue < approximateLimit ? .below : approximateValue == approximateLimit ? .at : .above
    }
}
