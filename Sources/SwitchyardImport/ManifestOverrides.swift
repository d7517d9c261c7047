import Foundation
import Switchyard

/// Hand edits laid over an imported manifest, so they survive a re-import.
///
/// The file is one JSON object: each key is a JSON pointer into the generated manifest, each value what to
/// put there. Members are applied in order. A value replaces what is at the pointer (missing objects on
/// the way are created); `null` removes the member; `-` as the last token of an array appends.
///
/// ```json
/// {
///   "/entities/issues/actions/get/description": "Fetch one issue by key (DEMO-12).",
///   "/entities/issues/actions/search/response/fields": ["key", "fields.summary"],
///   "/entities/audit_records": null
/// }
/// ```
public struct ManifestOverrides: Sendable {
    public let edits: [(pointer: JSONPointer, value: JSONValue)]

    /// Reads an overrides file; a key that is not a JSON pointer is an error naming it.
    public init(file: String) throws(ImportError) {
        guard let data = FileManager.default.contents(atPath: file) else { throw ImportError(file: file, message: "cannot read the overrides file") }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw ImportError(file: file, message: "not valid JSON: \(error)")
        }
        try self.init(json, file: file)
    }

    public init(_ json: JSONValue, file: String = "overrides") throws(ImportError) {
        guard let object = json.objectValue else {
            throw ImportError(file: file, message: "overrides must be an object of JSON pointer → value, got \(json.typeName)")
        }
        var edits: [(pointer: JSONPointer, value: JSONValue)] = []
        for member in object {
            guard let pointer = JSONPointer(member.key), !pointer.tokens.isEmpty else {
                throw ImportError(file: file, pointer: JSONPointer(tokens: [member.key]), message: "'\(member.key)' is not a JSON pointer below the root (e.g. /entities/issues/description)")
            }
            edits.append((pointer, member.value))
        }
        self.edits = edits
    }

    /// `manifest` with every edit applied, or an error naming the first pointer that cannot be applied.
    public func apply(to manifest: JSONValue, file: String = "overrides") throws(ImportError) -> JSONValue {
        var result = manifest
        for edit in edits {
            guard let updated = Self.set(edit.value, at: edit.pointer.tokens[...], in: result) else {
                throw ImportError(file: file, pointer: JSONPointer(tokens: [edit.pointer.description]), message: "cannot apply: a step of \(edit.pointer) is not an object or a valid array index")
            }
            result = updated
        }
        return result
    }

    private static func set(_ value: JSONValue, at tokens: ArraySlice<String>, in container: JSONValue) -> JSONValue? {
        guard let token = tokens.first else { return value }
        let rest = tokens.dropFirst()
        switch container {
        case .object(var object):
            if rest.isEmpty, value.isNull {
                object[token] = nil
                return .object(object)
            }
            guard let child = set(value, at: rest, in: object[token] ?? .object(JSONObject())) else { return nil }
            object[token] = child
            return .object(object)
        case .array(var array):
            if token == "-", rest.isEmpty {
                array.append(value)
                return .array(array)
            }
            guard let index = Int(token), array.indices.contains(index) else { return nil }
            if rest.isEmpty, value.isNull {
                array.remove(at: index)
                return .array(array)
            }
            guard let child = set(value, at: rest, in: array[index]) else { return nil }
            array[index] = child
            return .array(array)
        default:
            return nil
        }
    }
}
