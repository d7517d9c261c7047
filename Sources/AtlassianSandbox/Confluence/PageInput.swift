import Switchyard

/// The fields of a v2 page create or update body, read leniently (ids as strings or numbers).
///
/// ```json
/// {"id":"98305","spaceId":"65537","status":"current","title":"Home","parentId":"98306",
///  "body":{"representation":"storage","value":"<p>Hi</p>"},"version":{"number":5,"message":"typo"}}
/// ```
struct PageInput {
    let id: String?
    let spaceId: String?
    let status: String?
    let title: String?
    let parentId: String?
    let body: ContentBody?
    let versionNumber: Int?
    let versionMessage: String?
    let minorEdit: Bool

    init(_ object: JSONObject) throws(APIError) {
        id = Self.identifier(object["id"])
        spaceId = Self.identifier(object["spaceId"])
        parentId = Self.identifier(object["parentId"])
        status = object["status"]?.stringValue
        if let title = object["title"], !title.isNull {
            guard let text = title.stringValue else { throw .badRequest("title must be a string.") }
            self.title = text
        } else {
            title = nil
        }
        body = try object["body"].flatMap { value throws(APIError) in try Self.body(value) }
        versionNumber = object["version"]?["number"]?.intValue
        versionMessage = object["version"]?["message"]?.stringValue
        minorEdit = object["version"]?["minorEdit"]?.boolValue ?? false
    }

    /// The first field a v2 update must carry (`id`, `status`, `title`, `body`, `version`) that this body lacks.
    var missingUpdateField: String? {
        if id == nil { return "id" }
        if status == nil { return "status" }
        if title == nil { return "title" }
        if body == nil { return "body" }
        if versionNumber == nil { return "version" }
        return nil
    }

    private static func identifier(_ value: JSONValue?) -> String? {
        value?.stringValue ?? value?.intValue.map(String.init)
    }

    static func body(_ value: JSONValue) throws(APIError) -> ContentBody? {
        guard !value.isNull else { return nil }
        guard let name = value["representation"]?.stringValue else {
            throw .badRequest("body.representation is required (storage or atlas_doc_format).")
        }
        guard let representation = ContentBody.Representation(rawValue: name), ContentBody.Representation.writable.contains(representation) else {
            throw .badRequest("Unsupported body representation '\(name)'. The sandbox supports storage and atlas_doc_format.")
        }
        switch value["value"] {
        case .string(let text)?:
            return ContentBody(representation, text)
        case .object(let document)? where representation == .atlasDocFormat:
            return ContentBody(representation, JSONValue.object(document).serialized())
        default:
            throw .badRequest("body.value must be a string.")
        }
    }
}
