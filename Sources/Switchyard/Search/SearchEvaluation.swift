import Foundation

/// How well an ``ActionIndex`` picks the intended action for a set of requests: top-1, top-3 and mean
/// reciprocal rank, and the requests it got wrong. The tests and `switchyard-bench` share it.
///
/// ```swift
/// let tasks = try SearchEvaluation.Task.load(file: "Tests/SwitchyardTests/Fixtures/search-tasks.json")
/// let result = SearchEvaluation(index: index, tasks: tasks)
/// print(result.top1, result.top3, result.meanReciprocalRank)
/// ```
public struct SearchEvaluation: Sendable {
    /// A request and the action it truly means; `connector` is the filter an agent would pass, if any.
    public struct Task: Sendable, Hashable {
        public let query: String
        public let expected: ActionID
        public let connector: String?

        public init(query: String, expected: ActionID, connector: String? = nil) {
            self.query = query
            self.expected = expected
            self.connector = connector
        }

        /// Reads `{"tasks": [{"query", "expected", "connector"?}]}`.
        public static func load(file path: String) throws(ExecutionError) -> [Task] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExecutionError(kind: .config, message: "cannot read the task file \(path)")
            }
            let json: JSONValue
            do {
                json = try JSONValue(parsing: data)
            } catch {
                throw ExecutionError(kind: .config, message: "\(path) is not valid JSON: \(error)")
            }
            guard let entries = json["tasks"]?.arrayValue else {
                throw ExecutionError(kind: .config, message: "\(path): expected {\"tasks\": [...]}")
            }
            var tasks: [Task] = []
            for (index, entry) in entries.enumerated() {
                guard let query = entry["query"]?.stringValue, let expected = entry["expected"]?.stringValue else {
                    throw ExecutionError(kind: .config, message: "\(path): task \(index) needs a string 'query' and 'expected'")
                }
                tasks.append(Task(query: query, expected: try ActionID.parse(expected), connector: entry["connector"]?.stringValue))
            }
            return tasks
        }
    }

    /// A task whose expected action was not first, with where it came (`nil`: not in the top 10) and what won.
    public struct Miss: Sendable, CustomStringConvertible {
        public let task: Task
        public let rank: Int?
        public let top: [ActionID]

        public var description: String {
            let filter = task.connector.map { " [\($0)]" } ?? ""
            let place = rank.map { "rank \($0)" } ?? "not in top 10"
            return "\"\(task.query)\"\(filter): expected \(task.expected) (\(place)), got \(top.prefix(3).map(\.description).joined(separator: ", "))"
        }
    }

    public let count: Int
    /// The share of tasks whose expected action came first.
    public let top1: Double
    /// The share of tasks whose expected action was in the first three.
    public let top3: Double
    /// The mean of 1/rank over the tasks (0 when the action was not in the top 10).
    public let meanReciprocalRank: Double
    public let misses: [Miss]

    /// Runs every task against `index` (top 10 each); a task that fails to search counts as a miss.
    public init(index: ActionIndex, tasks: [Task]) {
        var first = 0
        var inThree = 0
        var reciprocal = 0.0
        var misses: [Miss] = []
        for task in tasks {
            let top = ((try? index.search(task.query, connector: task.connector, limit: 10)) ?? []).map(\.id)
            let rank = top.firstIndex(of: task.expected).map { $0 + 1 }
            if rank == 1 { first += 1 } else { misses.append(Miss(task: task, rank: rank, top: top)) }
            if let rank, rank <= 3 { inThree += 1 }
            reciprocal += rank.map { 1 / Double($0) } ?? 0
        }
        let total = Double(max(tasks.count, 1))
        count = tasks.count
        top1 = Double(first) / total
        top3 = Double(inThree) / total
        meanReciprocalRank = reciprocal / total
        self.misses = misses
    }
}
