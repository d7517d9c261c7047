/// Keeps what goes back to the agent within `max_output_bytes`, deterministically.
///
/// In lists, strings longer than ``listStringLimit`` are shortened with a marker. A list still over budget
/// keeps its leading records and says how many it left out; an object over budget has its longest strings
/// shortened. Either way the result is marked truncated with a hint on how to get the rest.
struct OutputBudget {
    static let listStringLimit = 2000
    /// Room kept for the envelope around `data`.
    static let envelopeAllowance = 1024

    let maximumBytes: Int

    /// What fitting did to a result.
    struct Outcome {
        var data: JSONValue
        /// How many leading records were kept, when records had to be left out.
        var keptRecords: Int?
        var shortenedStrings = 0

        var truncated: Bool { keptRecords != nil || shortenedStrings > 0 }
    }

    /// Gathers list records one at a time while they fit, so a long walk over pages can stop as soon as
    /// the budget is spent instead of holding every record first.
    struct ListAccumulator {
        let capacity: Int
        private(set) var records: [JSONValue] = []
        private(set) var shortenedStrings = 0
        private var used = 2

        init(budget: OutputBudget) {
            capacity = max(0, budget.maximumBytes - OutputBudget.envelopeAllowance)
        }

        /// Adds the record (long strings shortened) if it fits; `false` when the budget is spent.
        mutating func append(_ record: JSONValue) -> Bool {
            var shortened = 0
            let bounded = OutputBudget.shortenStrings(record, limit: OutputBudget.listStringLimit, count: &shortened)
            let size = bounded.serializedByteCount + 1
            guard used + size <= capacity else { return false }
            used += size
            shortenedStrings += shortened
            records.append(bounded)
            return true
        }
    }

    func fitList(_ records: [JSONValue]) -> Outcome {
        var accumulator = ListAccumulator(budget: self)
        for record in records where !accumulator.append(record) { break }
        var outcome = Outcome(data: .array(accumulator.records), shortenedStrings: accumulator.shortenedStrings)
        if accumulator.records.count < records.count { outcome.keptRecords = accumulator.records.count }
        return outcome
    }

    func fitObject(_ value: JSONValue) -> Outcome {
        let budget = max(0, maximumBytes - Self.envelopeAllowance)
        guard value.serializedByteCount > budget else { return Outcome(data: value) }
        for limit in [2000, 500, 100] {
            var shortened = 0
            let candidate = Self.shortenStrings(value, limit: limit, count: &shortened)
            if candidate.serializedByteCount <= budget {
                return Outcome(data: candidate, shortenedStrings: shortened)
            }
        }
        var shortened = 0
        let skeleton = Self.skeleton(value, count: &shortened)
        return Outcome(data: skeleton, shortenedStrings: max(1, shortened))
    }

    /// The hint that tells an agent how to get what was left out.
    func hint(for outcome: Outcome, hasNext: Bool) -> String {
        var ways = ["ask for fewer fields with 'fields'"]
        if outcome.keptRecords != nil {
            ways.append("a smaller 'limit'")
            if hasNext { ways.append("continue with 'cursor' set to 'next'") }
        }
        if outcome.shortenedStrings > 0 { ways.append("fetch a single record with its get action for full text") }
        ways.append("or raise 'max_output_bytes'")
        return "The result was cut to fit \(maximumBytes) bytes: " + ways.joined(separator: ", ") + "."
    }

    static func shortenStrings(_ value: JSONValue, limit: Int, count: inout Int) -> JSONValue {
        switch value {
        case .string(let text) where text.utf8.count > limit:
            count += 1
            let kept = String(text.prefix(limit))
            return .string(kept + "… [\(text.count - kept.count) more characters]")
        case .array(let elements):
            return .array(elements.map { shortenStrings($0, limit: limit, count: &count) })
        case .object(let object):
            var result = JSONObject()
            for member in object { result[member.key] = shortenStrings(member.value, limit: limit, count: &count) }
            return .object(result)
        default:
            return value
        }
    }

    /// The shape of a value without its content: what an agent needs to ask for less.
    private static func skeleton(_ value: JSONValue, count: inout Int) -> JSONValue {
        guard case .object(let object) = value else { return .string("[\(value.typeName) omitted]") }
        var result = JSONObject()
        for member in object {
            count += 1
            result[member.key] = .string("[\(member.value.typeName) omitted]")
        }
        return .object(result)
    }
}
