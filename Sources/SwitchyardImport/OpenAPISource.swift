import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Switchyard
import Yams

/// An OpenAPI 3.0 or 3.1 description, read from JSON or YAML, checked by OpenAPIKit and normalised to 3.1
/// JSON: `nullable` becomes a type array, boolean `exclusiveMinimum` a number, and so on.
///
/// ```swift
/// let source = try OpenAPISource(file: "petstore.yaml")
/// source.document["paths"]   // the 3.1 paths object
/// ```
struct OpenAPISource {
    let file: String
    /// The description as OpenAPI 3.1 JSON, object keys sorted (paths too), so an import is deterministic.
    let document: JSONValue
    /// The `openapi` version the file declared.
    let declaredVersion: String

    private struct VersionProbe: Decodable {
        let openapi: String?
        let swagger: String?
    }

    init(file: String) throws(ImportError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportError(file: file, message: "cannot read the file")
        }
        try self.init(data: data, file: file)
    }

    init(data: Data, file: String) throws(ImportError) {
        self.file = file
        let isJSON = data.first { !Set<UInt8>([0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF]).contains($0) } == UInt8(ascii: "{")
        let probe: VersionProbe = try Self.decode(VersionProbe.self, from: data, isJSON: isJSON, file: file)
        if let swagger = probe.swagger {
            throw ImportError(
                file: file, pointer: JSONPointer(tokens: ["swagger"]),
                message: "Swagger \(swagger) is not supported; convert it to OpenAPI 3 first (e.g. with swagger2openapi)"
            )
        }
        guard let version = probe.openapi else {
            throw ImportError(file: file, message: "not an OpenAPI description: no 'openapi' version field")
        }
        declaredVersion = version
        let document: OpenAPIKit.OpenAPI.Document
        if version.hasPrefix("3.0") {
            let document30: OpenAPIKit30.OpenAPI.Document = try Self.decode(OpenAPIKit30.OpenAPI.Document.self, from: data, isJSON: isJSON, file: file)
            document = document30.convert(to: .v3_1_1)
        } else if version.hasPrefix("3.1") {
            document = try Self.decode(OpenAPIKit.OpenAPI.Document.self, from: data, isJSON: isJSON, file: file)
        } else {
            throw ImportError(file: file, pointer: JSONPointer(tokens: ["openapi"]), message: "OpenAPI \(version) is not supported; expected 3.0.x or 3.1.x")
        }
        do {
            // Sorted keys: the encoder's key order is not guaranteed, and the import must be deterministic.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let encoded = try encoder.encode(document)
            self.document = Self.withOperationExtensions(try JSONValue(parsing: encoded), from: try Self.raw(data, isJSON: isJSON))
        } catch {
            throw ImportError(file: file, message: "cannot normalise the description: \(error)")
        }
    }

    /// The file as plain JSON, for what OpenAPIKit is told to skip.
    private static func raw(_ data: Data, isJSON: Bool) throws -> JSONValue {
        if isJSON { return try JSONValue(parsing: data) }
        return JSONValue(yaml: try Yams.load(yaml: String(decoding: data, as: UTF8.self)) as Any)
    }

    /// `normalized` with each operation's `x-` extensions (such as `x-atlassian-oauth2-scopes`) from the raw
    /// file: OpenAPIKit decodes without vendor extensions, which halves the time of a large description.
    static func withOperationExtensions(_ normalized: JSONValue, from raw: JSONValue) -> JSONValue {
        guard case .object(var root) = normalized, case .object(var paths)? = root["paths"] else { return normalized }
        for pathMember in raw["paths"]?.objectValue ?? JSONObject() {
            guard case .object(var item)? = paths[pathMember.key] else { continue }
            for method in ["get", "put", "post", "delete", "options", "head", "patch", "trace"] {
                let extensions = (pathMember.value[method]?.objectValue ?? JSONObject()).filter { $0.key.hasPrefix("x-") }
                guard !extensions.isEmpty, case .object(var operation)? = item[method] else { continue }
                for member in extensions { operation[member.key] = member.value }
                item[method] = .object(operation)
            }
            paths[pathMember.key] = .object(item)
        }
        root["paths"] = .object(paths)
        return .object(root)
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, isJSON: Bool, file: String) throws(ImportError) -> T {
        do {
            // Vendor extensions are read from the raw file instead (withOperationExtensions): decoding each as
            // AnyCodable was half of OpenAPIKit's time on Jira's description.
            let userInfo: [CodingUserInfoKey: Any] = [OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false]
            if isJSON {
                let decoder = JSONDecoder()
                decoder.userInfo = userInfo
                return try decoder.decode(type, from: data)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ImportError(file: file, message: "the file is not UTF-8 text")
            }
            return try YAMLDecoder().decode(type, from: text, userInfo: userInfo)
        } catch let error as ImportError {
            throw error
        } catch let error as YamlError {
            throw ImportError(file: file, message: "YAML syntax error: \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
        } catch let error as DecodingError {
            let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
            let tokens = openAPIError.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                let detail = (context.underlyingError.map { "\($0)" } ?? context.debugDescription).replacingOccurrences(of: "\n", with: " ")
                throw ImportError(file: file, message: isJSON ? "not valid JSON: \(detail)" : "YAML syntax error: \(detail)")
            }
            throw ImportError(file: file, pointer: JSONPointer(tokens: tokens), message: openAPIError.localizedDescription)
        } catch {
            let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
            let tokens = openAPIError.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            throw ImportError(file: file, pointer: JSONPointer(tokens: tokens), message: openAPIError.localizedDescription)
        }
    }
}
