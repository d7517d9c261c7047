import Switchyard

/// The fields of a v1 `POST /content` or `PUT /content/{id}` body, read leniently (ids as strings or
/// numbers).
///
/// ```json
/// {"type":"page","title":"T","space":{"key":"DEMO"},"ancestors":[{"id":"98305"}],
///  "body":{"storage":{"value":"<p>Hi</p>","representation":"storage"}},"version":{"number":2}}
/// {"type":"comment","container":{"id":"98311","type":"page"},"body":{"storage":{"value":"<p>+1</p>","representation":"storage"}}}
/// ```
struct V1ContentInput {
    let type: String?
    let title: String?
    let status: String?
    let spaceKey: String?
    let parentId: String?
    let containerId: String?
    let containerType: String?
    let body: ContentBody?
    let versionNumber: Int?
    let versionMessage: String?
    let minorEdit: Bool

    init(_ object: JSONObject) throws(APIError) {
        type = object["type"]?.stringValue
        title = object["title"]?.stringValue
        status = object["status"]?.stringValue
        spaceKey = object["space"]?["key"]?.stringValue
        let ancestors = object["ancestors"]?.arrayValue ?? []
        guard ancestors.count <= 1 else { throw .badRequest("Only one parent content 'id' can be specified in ancestors.") }
        parentId = ancestors.first.flatMap { Self.identifier($0["id"]) }
        containerId = Self.identifier(object["container"]?["id"])
        containerType = object["container"]?["type"]?.stringValue
        body = try Self.body(object["body"])
        versionNumber = object["version"]?["number"]?.intValue
        versionMessage = object["version"]?["message"]?.stringValue
        minorEdit = object["version"]?["minorEdit"]?.boolValue ?? false
    }

    private static func identifier(_ value: JSONValue?) -> String? {
        value?.stringValue ?? value?.intValue.map(String.init)
    }

    /// v1 bodies name the representation as the key: `{"storage":{"value":"...","representation":"storage"}}`.
    private static func body(_ value: JSONValue?) throws(APIError) -> ContentBody? {
        guard let object = value?.objectValue, !object.isEmpty else { return nil }
        for representation in ContentBody.Representation.writable {
            guard let entry = object[representation.rawValue] else { continue }
            guard let text = entry["value"]?.stringValue else {
                throw .badRequest("body.\(representation.rawValue).value must be a string.")
            }
            return ContentBody(representation, text)
        }
        throw .badRequest("Unsupported body representation; the sandbox accepts body.storage and body.atlas_doc_format.")
    }
}
