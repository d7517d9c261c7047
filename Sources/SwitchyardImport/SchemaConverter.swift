import Foundation
import Switchyard

/// Turns OpenAPI 3.1 schemas into the JSON Schema subset manifests accept.
///
/// - `$ref`s are resolved within the document (`#/components/schemas/Issue`); one that leads nowhere, or out
///   of the file, becomes an empty schema and a note, never a crash.
/// - `allOf` branches that describe objects are merged into one object; `oneOf` and `anyOf` are kept.
/// - References nest at most ``maximumReferenceDepth`` deep. A schema that refers back to itself, or lies
///   deeper, is cut: it becomes `{"type": "object"}` (or its own scalar type) with a description saying so.
/// - Keywords outside the subset are dropped, and so are `pattern` (ECMA regexes do not all compile here),
///   formats other than `date`, `date-time`, `uri` and `email`, and `default` (a default would always be
///   sent; it is kept in the description instead). Enums of more than ``maximumEnumCount`` values become a
///   description listing the first few.
///
/// ```swift
/// var converter = SchemaConverter(document: spec)
/// let params = converter.convert(["$ref": "#/components/schemas/Issue"], at: pointer)
/// ```
struct SchemaConverter {
    /// How many `$ref`s deep a schema is expanded before it is cut.
    static let maximumReferenceDepth = 3
    /// Enums longer than this are described, not enforced.
    static let maximumEnumCount = 50
    static let keptFormats: Set<String> = ["date", "date-time", "uri", "email"]
    static let typeNames: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    let document: JSONValue
    /// References that could not be resolved: where they were used, and the reference.
    private(set) var unresolved: [(pointer: JSONPointer, reference: String)] = []
    private var targets: [String: JSONValue?] = [:]

    init(document: JSONValue) {
        self.document = document
    }

    /// The value a local reference names, or `nil`.
    mutating func resolve(_ reference: String) -> JSONValue? {
        if let cached = targets[reference] { return cached }
        var target: JSONValue?
        if reference.hasPrefix("#"), let pointer = JSONPointer(String(reference.dropFirst()).removingPercentEncodingIfPossible) {
            target = document.value(at: pointer)
        }
        targets[reference] = target
        return target
    }

    /// `value` with a `$ref` at its top resolved (following chains), or `nil` when the reference is broken.
    mutating func dereference(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        var current = value
        var seen: Set<String> = []
        while let reference = current["$ref"]?.stringValue {
            guard !seen.contains(reference), let target = resolve(reference) else {
                unresolved.append((pointer, reference))
                return nil
            }
            seen.insert(reference)
            current = target
        }
        return current
    }

    mutating func convert(_ schema: JSONValue, at pointer: JSONPointer) -> JSONValue {
        convert(schema, at: pointer, references: [])
    }

    private mutating func convert(_ schema: JSONValue, at pointer: JSONPointer, references: [String]) -> JSONValue {
        guard let object = schema.objectValue else { return [:] }
        if let reference = object["$ref"]?.stringValue {
            return convertReference(reference, siblings: object, at: pointer, references: references)
        }
        var result = JSONObject()
        var extraDescription: [String] = []
        for member in object {
            let location = pointer.appending(member.key)
            switch member.key {
            case "type":
                if let name = member.value.stringValue, Self.typeNames.contains(name) {
                    result["type"] = member.value
                } else if let names = member.value.arrayValue?.compactMap(\.stringValue).filter(Self.typeNames.contains), !names.isEmpty {
                    var unique: [String] = []
                    for name in names where !unique.contains(name) { unique.append(name) }
                    result["type"] = unique.count == 1 ? .string(unique[0]) : .array(unique.map(JSONValue.string))
                }
            case "properties":
                guard let properties = member.value.objectValue else { continue }
                result["properties"] = .object(JSONObject(properties.map { ($0.key, convert($0.value, at: location.appending($0.key), references: references)) }))
            case "items":
                if member.value.objectValue != nil { result["items"] = convert(member.value, at: location, references: references) }
            case "additionalProperties":
                if case .bool = member.value { result["additionalProperties"] = member.value }
                else if member.value.objectValue != nil { result["additionalProperties"] = convert(member.value, at: location, references: references) }
            case "oneOf", "anyOf":
                guard let branches = member.value.arrayValue, !branches.isEmpty else { continue }
                result[member.key] = .array(branches.enumerated().map { convert($0.element, at: location.appending($0.offset), references: references) })
            case "enum":
                guard let values = member.value.arrayValue, !values.isEmpty else { continue }
                if values.count > Self.maximumEnumCount {
                    let examples = values.prefix(5).map { $0.stringValue ?? $0.serialized() }.joined(separator: ", ")
                    extraDescription.append("One of \(values.count) values, e.g. \(examples).")
                } else {
                    result["enum"] = member.value
                }
            case "const", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength":
                result[member.key] = member.value
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                if member.value.numberValue != nil { result[member.key] = member.value }
            case "format":
                if let name = member.value.stringValue, Self.keptFormats.contains(name) { result["format"] = member.value }
            case "description":
                if let text = member.value.stringValue { result["description"] = .string(text) }
            case "default":
                if let text = member.value.stringValue ?? (member.value.isNull ? nil : Optional(member.value.serialized())) {
                    extraDescription.append("Default: \(text).")
                }
            default:
                continue
            }
        }
        // In the order of the properties: OpenAPIKit writes `required` in an order that varies between runs.
        if let required = object["required"]?.arrayValue?.compactMap(\.stringValue), let properties = result["properties"]?.objectValue {
            let declared = properties.keys.filter(Set(required).contains)
            if !declared.isEmpty { result["required"] = .array(declared.map(JSONValue.string)) }
        }
        if let branches = object["allOf"]?.arrayValue {
            let converted = branches.enumerated().map { convert($0.element, at: pointer.appending("allOf").appending($0.offset), references: references) }
            result = Self.mergeAllOf(converted, into: result)
        }
        if result["type"] == nil, result["properties"] != nil { result["type"] = "object" }
        let description = ([result["description"]?.stringValue].compactMap { $0 } + extraDescription).joined(separator: " ")
        if !description.isEmpty { result["description"] = .string(DescriptionText.condense(description, limit: DescriptionText.paramLimit)) }
        return .object(result)
    }

    private mutating func convertReference(_ reference: String, siblings: JSONObject, at pointer: JSONPointer, references: [String]) -> JSONValue {
        let name = reference.split(separator: "/").last.map(String.init) ?? reference
        guard let target = resolve(reference) else {
            unresolved.append((pointer, reference))
            return ["description": .string("Unresolved reference \(reference); any value is accepted.")]
        }
        var cut: String?
        if references.contains(reference) {
            cut = "\(name) refers to itself; cut here: any \(Self.scalarType(of: target) ?? "object") is accepted."
        } else if references.count >= Self.maximumReferenceDepth {
            cut = "\(name) lies more than \(Self.maximumReferenceDepth) references deep; cut here: any \(Self.scalarType(of: target) ?? "object") is accepted."
        }
        var result: JSONObject
        if let cut {
            result = ["type": .string(Self.scalarType(of: target) ?? "object"), "description": .string(cut)]
        } else {
            result = convert(target, at: pointer, references: references + [reference]).objectValue ?? JSONObject()
        }
        if let description = siblings["description"]?.stringValue {
            result["description"] = .string(DescriptionText.condense(description, limit: DescriptionText.paramLimit))
        }
        return .object(result)
    }

    /// The target's type when it is a single non-object type (`string`, `array`, …), for a cut that keeps it.
    private static func scalarType(of schema: JSONValue) -> String? {
        guard let name = schema["type"]?.stringValue, name != "object", typeNames.contains(name) else { return nil }
        return name
    }

    /// Object branches merged into one object (properties and required lists joined, later ones winning);
    /// when a branch is not an object the branches are kept as `allOf`.
    private static func mergeAllOf(_ branches: [JSONValue], into base: JSONObject) -> JSONObject {
        let mergeable = branches.allSatisfy { branch in
            guard let object = branch.objectValue else { return false }
            let type = object["type"]?.stringValue
            return (type == nil || type == "object") && object["oneOf"] == nil && object["anyOf"] == nil && object["allOf"] == nil
        }
        var result = base
        guard mergeable else {
            result["allOf"] = .array(branches)
            return result
        }
        var properties = result["properties"]?.objectValue ?? JSONObject()
        var required = result["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for branch in branches.compactMap(\.objectValue) {
            for member in branch["properties"]?.objectValue ?? JSONObject() { properties[member.key] = member.value }
            for name in branch["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !required.contains(name) { required.append(name) }
            if result["description"] == nil, let description = branch["description"] { result["description"] = description }
            if result["additionalProperties"] == nil, let additional = branch["additionalProperties"] { result["additionalProperties"] = additional }
        }
        result["type"] = "object"
        if !properties.isEmpty { result["properties"] = .object(properties) }
        if !required.isEmpty { result["required"] = .array(required.map(JSONValue.string)) }
        return result
    }
}

extension String {
    var removingPercentEncodingIfPossible: String { removingPercentEncoding ?? self }
}
