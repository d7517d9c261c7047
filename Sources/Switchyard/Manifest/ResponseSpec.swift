/// How an action's response becomes a result: where the records are, which fields to keep, how to page.
public struct ResponseSpec: Sendable {
    /// Dot path to the array of records; `nil` when the whole body is the result.
    public let records: String?
    /// Default field selection as dot paths; empty keeps everything.
    public let fields: [String]
    /// `fields` as a ready selection, built once rather than on every call.
    public let defaultSelection: FieldSelection
    public let pagination: Pagination?
    /// Transforms applied to fields of each record (dot path → transform name), e.g. ADF to Markdown,
    /// unless the caller asks for `text_format: "raw"`.
    public let transforms: [(path: String, transform: String)]

    public init(records: String?, fields: [String], pagination: Pagination?, transforms: [(path: String, transform: String)] = []) {
        self.records = records
        self.fields = fields
        defaultSelection = FieldSelection(paths: fields)
        self.pagination = pagination
        self.transforms = transforms
    }
}

/// How a paginated action walks its pages.
public struct Pagination: Sendable {
    /// Where pagination params are sent.
    public enum Placement: String, Sendable {
        case query, body
    }

    /// Where a next-page link is read from.
    public enum LinkSource: String, Sendable {
        /// A dot path in the JSON body, such as Confluence's `_links.next`.
        case body
        /// An RFC 8288 `Link: <…>; rel="next"` header.
        case header
    }

    /// The pagination styles Switchyard understands.
    public enum Kind: Sendable {
        /// `startAt` + `maxResults`, ending at `total`, `isLast` or a short page.
        case offset(offsetParam: String, total: String?, isLast: String?)
        /// An opaque token from the body sent back as a param (Jira `nextPageToken`).
        case token(tokenParam: String, nextToken: String, isLast: String?)
        /// A URL to the next page, from the body or the `Link` header; `base` is a dot path to resolve relative links against.
        case nextLink(source: LinkSource, next: String?, base: String?)
        /// `page=1,2,3…`, ending at `totalPages` or a short page.
        case pageNumber(pageParam: String, firstPage: Int, totalPages: String?)

        /// Whether pages are numbered, so every page must have the same size.
        public var isPageNumber: Bool {
            if case .pageNumber = self { return true }
            return false
        }

        /// The manifest's name for the kind.
        public var name: String {
            switch self {
            case .offset: "offset"
            case .token: "token"
            case .nextLink: "next_link"
            case .pageNumber: "page_number"
            }
        }
    }

    public let kind: Kind
    public let placement: Placement
    /// The API's page-size param, if it has one.
    public let limitParam: String?
    /// Records asked for per page.
    public let pageSize: Int
}
