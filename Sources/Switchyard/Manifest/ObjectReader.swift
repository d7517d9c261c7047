/// Reads the members of one manifest object, noting every member it was asked for, so that whatever is
/// left over can be reported as an unknown field (with a suggestion when it looks like a typo).
struct ObjectReader {
    let object: JSONObject
    let pointer: JSONPointer
    private var consumed: Set<String> = []

    /// Wraps `value` when it is an object; otherwise reports the problem and returns `nil`.
    init?(_ value: JSONValue, at pointer: JSONPointer, what: String, problems: inout ProblemList) {
        guard let object = value.objectValue else {
            problems.add(pointer, "\(what) must be an object, got \(value.typeName)")
            return nil
        }
        self.object = object
        self.pointer = pointer
    }

    mutating func value(_ key: String) -> JSONValue? {
        consumed.insert(key)
        return object[key]
    }

    mutating func string(_ key: String, required: Bool = false, problems: inout ProblemList) -> String? {
        guard let value = value(key) else {
            if required { problems.add(pointer, "missing required field '\(key)'") }
            return nil
        }
        guard let text = value.stringValue else {
            problems.add(pointer.appending(key), "'\(key)' must be a string, got \(value.typeName)")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, problems: inout ProblemList) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else {
            problems.add(pointer.appending(key), "'\(key)' must be a boolean, got \(value.typeName)")
            return nil
        }
        return flag
    }

    mutating func integer(_ key: String, minimum: Int, problems: inout ProblemList) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue, value.typeName == "integer", number >= minimum else {
            problems.add(pointer.appending(key), "'\(key)' must be an integer ≥ \(minimum), got \(value.displayText)")
            return nil
        }
        return number
    }

    mutating func strings(_ key: String, problems: inout ProblemList) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let elements = value.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) else {
            problems.add(pointer.appending(key), "'\(key)' must be an array of strings")
            return nil
        }
        return elements.compactMap(\.stringValue)
    }

    mutating func template(_ key: String, required: Bool = false, problems: inout ProblemList) -> Template? {
        guard let text = string(key, required: required, problems: &problems) else { return nil }
        return problems.template(text, at: pointer.appending(key))
    }

    /// Reports members nobody asked for, suggesting the closest known field.
    func reportUnknownFields(_ problems: inout ProblemList) {
        for member in object where !consumed.contains(member.key) && member.key != "$schema" && member.key != "$comment" {
            var message = "unknown field '\(member.key)'"
            if let suggestion = EditDistance.closestMatch(to: member.key, among: consumed.sorted()) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; known fields here: \(consumed.sorted().joined(separator: ", "))"
            }
            problems.add(pointer.appending(member.key), message)
        }
    }

    /// Reports keys that appear more than once in this object, such as a duplicate action.
    func reportDuplicateKeys(what: String, _ problems: inout ProblemList) {
        var seen: Set<String> = []
        for member in object where !seen.insert(member.key).inserted {
            problems.add(pointer.appending(member.key), "duplicate \(what) '\(member.key)'")
        }
    }
}

/// The problems found so far in one manifest file.
struct ProblemList {
    let file: String
    private(set) var problems: [ManifestProblem] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { problems.isEmpty }

    mutating func add(_ pointer: JSONPointer, _ message: String) {
        problems.append(ManifestProblem(file: file, pointer: pointer, message: message))
    }

    mutating func template(_ text: String, at pointer: JSONPointer) -> Template? {
        do {
            return try Template(parsing: text)
        } catch {
            add(pointer, error.message)
            return nil
        }
    }
}
