import Foundation
import Switchyard

/// Checks a response body against the schema of an OpenAPI 3.0 document, reporting each problem with its JSON
/// path inside the body.
///
/// It understands the parts of OpenAPI 3.0 schemas Atlassian's specs use: local `$ref`s (`#/components/...`),
/// `allOf`, `oneOf`, `anyOf`, `nullable`, `type`, `required`, `properties`, `additionalProperties`, `items`,
/// `enum`, `readOnly`/`writeOnly` (a `writeOnly` property in a response is a finding; a missing required one is
/// not) and `format: date-time`. A schema that refers back to itself is followed only as deep as the body goes.
///
/// ```swift
/// let validator = OpenAPIResponseValidator(document: spec.document)
/// validator.validate(#"{"id":1}"#-parsed, against: ["$ref": "#/components/schemas/Page"])
/// // [Finding(path: "$.id", rule: .type, message: "integer, but the schema's type is string")]
/// ```
struct OpenAPIResponseValidator: Sendable {
    /// What kind of problem a finding is; allow-list entries excuse findings by rule.
    enum Rule: String, Sendable {
        case type
        case nullable
        case required
        case additionalProperties
        case enumValue = "enum"
        case writeOnly
        case dateTime = "format:date-time"
        /// `2026-01-05T10:47:00.000+0000`: RFC 3339 wants a colon in the offset, Jira writes none.
        case dateTimeWithoutColon = "format:date-time(+hhmm)"
        case oneOfNone = "oneOf:none"
        case oneOfSeveral = "oneOf:several"
        case anyOfNone = "anyOf:none"
        case unresolvedReference = "$ref"
    }

    /// One place a body breaks its schema.
    struct Finding: Sendable, Equatable {
        /// Where in the body, e.g. `$.values[0].lead`.
        let path: String
        let rule: Rule
        let message: String

        var line: String { "\(path) \(rule.rawValue): \(message)" }
    }

    let document: JSONValue

    /// Every problem of `value` against `schema` (which may be a `$ref`).
    func validate(_ value: JSONValue, against schema: JSONValue) -> [Finding] {
        check(value, schema, path: "$", followed: [])
    }

    /// `followed` holds the `$ref`s already taken at this very path: meeting one again means a schema loop
    /// that would learn nothing new, so it stops there. A child path starts afresh, and bodies are finite.
    private func check(_ value: JSONValue, _ rawSchema: JSONValue, path: String, followed: Set<String>) -> [Finding] {
        var schema = rawSchema
        var followed = followed
        while let ref = schema["$ref"]?.stringValue {
            guard followed.insert(ref).inserted else { return [] }
            guard ref.hasPrefix("#"), let pointer = JSONPointer(String(ref.dropFirst())), let target = document.value(at: pointer) else {
                return [Finding(path: path, rule: .unresolvedReference, message: "cannot resolve \(ref)")]
            }
            schema = target
        }
        var findings: [Finding] = []
        for part in schema["allOf"]?.arrayValue ?? [] {
            findings += check(value, part, path: path, followed: followed)
        }
        if let alternatives = schema["oneOf"]?.arrayValue {
            findings += choose(value, among: alternatives, exactlyOne: true, path: path, followed: followed)
        }
        if let alternatives = schema["anyOf"]?.arrayValue {
            findings += choose(value, among: alternatives, exactlyOne: false, path: path, followed: followed)
        }

        let declaredType = schema["type"]?.stringValue
        if value.isNull {
            let describesValue = declaredType != nil || schema["properties"] != nil || schema["items"] != nil || schema["enum"] != nil
            if schema["nullable"] != true, describesValue {
                findings.append(Finding(path: path, rule: .nullable, message: "null, but the schema is not nullable\(declaredType.map { " (type \($0))" } ?? "")"))
            }
            return findings
        }
        if let declaredType, !Self.matches(value, type: declaredType) {
            findings.append(Finding(path: path, rule: .type, message: "\(value.typeName), but the schema's type is \(declaredType)"))
            return findings
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let shown = allowed.prefix(8).map { $0.serialized() }.joined(separator: ", ")
            findings.append(Finding(path: path, rule: .enumValue, message: "\(value.serialized()) is not one of \(shown)\(allowed.count > 8 ? ", …" : "")"))
        }
        if schema["format"]?.stringValue == "date-time", let text = value.stringValue, let finding = Self.dateTimeProblem(text, path: path) {
            findings.append(finding)
        }
        switch value {
        case .object(let object):
            findings += checkObject(object, schema, path: path)
        case .array(let elements):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    findings += check(element, items, path: "\(path)[\(index)]", followed: [])
                }
            }
        default:
            break
        }
        return findings
    }

    private func checkObject(_ object: JSONObject, _ schema: JSONValue, path: String) -> [Finding] {
        var findings: [Finding] = []
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for member in object {
            let childPath = Self.child(path, member.key)
            if let propertySchema = properties[member.key] {
                if isWriteOnly(propertySchema) {
                    findings.append(Finding(path: childPath, rule: .writeOnly, message: "the schema marks '\(member.key)' writeOnly: it is never returned"))
                    continue
                }
                findings += check(member.value, propertySchema, path: childPath, followed: [])
            } else if let additional = schema["additionalProperties"] {
                if additional == false {
                    findings.append(Finding(path: childPath, rule: .additionalProperties, message: "'\(member.key)' is not a property of the schema, which allows no others"))
                } else if additional.objectValue != nil {
                    findings += check(member.value, additional, path: childPath, followed: [])
                }
            }
        }
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
            // OpenAPI 3.0: a required writeOnly property is required in requests only.
            if let propertySchema = properties[name], isWriteOnly(propertySchema) { continue }
            findings.append(Finding(path: Self.child(path, name), rule: .required, message: "required property '\(name)' is missing"))
        }
        return findings
    }

    /// `oneOf` (exactly one alternative fits) or `anyOf` (at least one does).
    private func choose(_ value: JSONValue, among alternatives: [JSONValue], exactlyOne: Bool, path: String, followed: Set<String>) -> [Finding] {
        let results = alternatives.map { check(value, $0, path: path, followed: followed) }
        let fitting = results.indices.filter { results[$0].isEmpty }
        if fitting.isEmpty {
            let closest = results.indices.min { results[$0].count < results[$1].count } ?? 0
            let reason = results.isEmpty ? "no alternatives" : "closest is #\(closest + 1) of \(alternatives.count): \(results[closest].prefix(3).map(\.line).joined(separator: "; "))"
            return [Finding(path: path, rule: exactlyOne ? .oneOfNone : .anyOfNone, message: "fits none of the alternatives; \(reason)")]
        }
        if exactlyOne, fitting.count > 1 {
            let names = fitting.map { alternatives[$0]["$ref"]?.stringValue.map { String($0.split(separator: "/").last ?? "") } ?? "#\($0 + 1)" }
            return [Finding(path: path, rule: .oneOfSeveral, message: "fits \(fitting.count) alternatives of a oneOf (\(names.joined(separator: ", ")))")]
        }
        return []
    }

    private func isWriteOnly(_ rawSchema: JSONValue) -> Bool {
        var schema = rawSchema
        for _ in 0..<16 {
            if schema["writeOnly"] == true { return true }
            guard let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#"), let pointer = JSONPointer(String(ref.dropFirst())),
                  let target = document.value(at: pointer)
            else { return false }
            schema = target
        }
        return false
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch type {
        case "number": value.typeName == "number" || value.typeName == "integer"
        default: value.typeName == type
        }
    }

    private static func child(_ path: String, _ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? "\(path).\(name)" : "\(path)[\(JSONValue.string(name).serialized())]"
    }

    private static let rfc3339 = try! NSRegularExpression(
        pattern: #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
    )
    private static let jiraForm = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$"#)

    private static func dateTimeProblem(_ text: String, path: String) -> Finding? {
        let range = NSRange(text.startIndex..., in: text)
        if rfc3339.firstMatch(in: text, range: range) != nil { return nil }
        if jiraForm.firstMatch(in: text, range: range) != nil {
            return Finding(path: path, rule: .dateTimeWithoutColon, message: "'\(text)' has no colon in its offset (RFC 3339 wants +00:00)")
        }
        return Finding(path: path, rule: .dateTime, message: "'\(text)' is not an RFC 3339 date-time")
    }
}
