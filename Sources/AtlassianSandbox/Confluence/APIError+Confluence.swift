/// Confluence's standard error messages.
extension APIError {
    static let pageNotFound = APIError.notFound("Cannot find page with the given id.")
    static let spaceNotFound = APIError.notFound("Cannot find space with the given id.")
    static let blogPostNotFound = APIError.notFound("Cannot find blog post with the given id.")
    static let contentNotFound = APIError.notFound("Cannot find content with the given id.")

    /// v1's 404 for an id that names no content.
    static func noContent(id: String) -> APIError {
        .notFound("No content found with id: ContentId{id=\(id)}")
    }

    static let duplicateTitle = APIError.badRequest("A page with this title already exists: A page already exists with the same TITLE in this space")
}

extension RouteRequest {
    /// A numeric Confluence id from the path; anything else is a 400, as the real API parses ids as longs.
    func numericID(_ name: String) throws(APIError) -> String {
        let value = parameter(name)
        guard !value.isEmpty, value.allSatisfy(\.isNumber), Int64(value) != nil else {
            throw .badRequest("The value '\(value)' of path parameter '\(name)' is not a valid id.")
        }
        return value
    }

    /// The v2 `body-format` parameter: `storage`, `atlas_doc_format` or (where `allowView`) `view`;
    /// `nil` when absent.
    func bodyFormat(allowView: Bool = false) throws(APIError) -> ContentBody.Representation? {
        guard let value = query["body-format"], !value.isEmpty else { return nil }
        guard let format = ContentBody.Representation(rawValue: value), allowView || format != .view else {
            let supported = allowView ? "storage, atlas_doc_format and view" : "storage and atlas_doc_format"
            throw .badRequest("Invalid value '\(value)' for body-format. The sandbox supports \(supported).")
        }
        return format
    }
}
