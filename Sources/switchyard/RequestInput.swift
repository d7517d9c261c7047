import Foundation
import Switchyard

/// Reads request files: one JSON request, a JSON array of requests, or JSON lines.
enum RequestInput {
    static func read(_ path: String, what: String) throws(ExecutionError) -> String {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw ExecutionError(kind: .validation, message: "cannot read \(what) '\(path)'") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses the whole text as one JSON value when it can; otherwise as JSON lines, where a bad line
    /// becomes an error result of its own and the other lines still run.
    static func parseRequests(_ text: String, source: String) throws(ExecutionError) -> [Result<ExecuteRequest, ExecutionError>] {
        if let whole = try? JSONValue(parsing: text) {
            if case .array(let elements) = whole {
                guard !elements.isEmpty else { throw ExecutionError(kind: .validation, message: "\(source) holds an empty array: no requests to run") }
                return elements.map(request)
            }
            return [request(whole)]
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw ExecutionError(kind: .validation, message: "\(source) holds no requests") }
        return lines.enumerated().map { index, line in
            do {
                return request(try JSONValue(parsing: line))
            } catch {
                return .failure(ExecutionError(kind: .validation, message: "\(source) line \(index + 1) is not valid JSON: \(error)"))
            }
        }
    }

    private static func request(_ json: JSONValue) -> Result<ExecuteRequest, ExecutionError> {
        Result { () throws(ExecutionError) in try ExecuteRequest(json: json) }
    }
}
