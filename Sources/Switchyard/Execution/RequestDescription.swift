import Crypto
import Foundation

/// A prepared request as JSON, for dry runs: what would be sent, with every secret masked.
enum RequestDescription {
    static func describe(_ request: PreparedRequest, credential: Credential) -> JSONValue {
        var shown = request
        let masked = credential.masked
        if let header = masked.header { shown.setHeader(header.name, header.value) }
        if let query = masked.query { shown.query.append((query, "****")) }
        var headers = JSONObject()
        for header in shown.headers { headers[header.name] = .string(header.value) }
        var object: JSONObject = ["method": .string(shown.method.rawValue), "url": .string(shown.url), "headers": .object(headers)]
        switch shown.body {
        case .json(let value)?: object["body"] = value
        case .form(let pairs)?: object["form"] = .object(JSONObject(pairs.map { ($0.name, JSONValue.string($0.value)) }))
        case .multipart(let form)?: object["multipart"] = .array(form.parts.map(describe))
        case nil: object["body"] = .null
        }
        return .object(object)
    }

    /// A multipart part without its full content: text fields as they are, files as name, type, size, digest
    /// and a short preview of text.
    private static func describe(_ part: MultipartForm.Part) -> JSONValue {
        var object: JSONObject = ["name": .string(part.name)]
        guard let filename = part.filename else {
            object["value"] = .string(String(decoding: part.data, as: UTF8.self))
            return .object(object)
        }
        object["filename"] = .string(filename)
        if let type = part.contentType { object["content_type"] = .string(type) }
        object["bytes"] = .number(JSONNumber(part.data.count))
        object["sha256"] = .string(SHA256.hash(data: part.data).map { String(format: "%02x", $0) }.joined())
        if let text = String(validating: part.data, as: UTF8.self) {
            object["preview"] = .string(text.count > previewLength ? String(text.prefix(previewLength)) + "…" : text)
        }
        return .object(object)
    }

    /// How many characters of a text file a dry run shows.
    static let previewLength = 64
}
