import Switchyard

/// Recognises the common paging shapes of an operation and maps them onto the manifest's pagination kinds.
///
/// | shape | kind |
/// |---|---|
/// | `startAt` + `maxResults` params (`total`, `isLast` in the body) | `offset` |
/// | `start`/`offset` + `limit` params | `offset` |
/// | `nextPageToken` param and body field | `token` |
/// | `cursor` param with `next` or `_links.next` in the body | `next_link` (body; a relative link is resolved against the request URL) |
/// | `page` + `per_page`/`page_size`/`pageSize`/`size` params | `page_number` |
/// | a `Link` response header | `next_link` (header) |
///
/// ```swift
/// let found = PaginationDetector.detect(params: ["startAt", "maxResults"], bodyParams: [], response: schema, headers: [])
/// found?.pagination   // {"kind": "offset", "offset_param": "startAt", …}
/// ```
enum PaginationDetector {
    /// What was found: the `pagination` block, the records path, and the wire names it manages (which are
    /// then not declared as params).
    struct Detection {
        let pagination: JSONObject
        let records: String?
        let managedParams: Set<String>
        /// Something the user may need to settle by hand, for the report.
        var note: String?
    }

    static let defaultPageSize = 50
    static let recordNames = ["values", "results", "issues", "items", "data", "records", "elements"]

    /// `params` are the query wire names with their schemas, `bodyParams` the JSON body's top-level property
    /// names, `response` the converted success schema, `headers` the success response's header names.
    static func detect(params: [String: JSONValue], bodyParams: [String: JSONValue], response: JSONValue?, headers: [String]) -> Detection? {
        let responseProperties = response?["properties"]?.objectValue ?? JSONObject()
        let records = recordsPath(response)
        func field(_ name: String) -> String? { responseProperties[name] != nil ? name : nil }
        func pageSize(_ limitSchema: JSONValue?) -> Int {
            guard let maximum = limitSchema?["maximum"]?.intValue, maximum > 0 else { return defaultPageSize }
            return min(maximum, defaultPageSize)
        }
        var note: String?
        func build(_ fields: JSONObject, in placement: String, managed: [String]) -> Detection {
            var pagination = fields
            if placement == "body" { pagination["in"] = "body" }
            return Detection(pagination: pagination, records: records, managedParams: Set(managed), note: note)
        }
        for (source, placement) in [(params, "query"), (bodyParams, "body")] {
            guard !source.isEmpty else { continue }
            let isList = response?["type"]?.stringValue == "array" || records != nil
            if source["nextPageToken"] != nil, let next = field("nextPageToken") {
                var fields: JSONObject = ["kind": "token", "token_param": "nextPageToken", "next_token": .string(next)]
                if let isLast = field("isLast") { fields["is_last"] = .string(isLast) }
                var managed = ["nextPageToken"]
                if source["maxResults"] != nil { fields["limit_param"] = "maxResults"; managed.append("maxResults") }
                fields["page_size"] = .number(JSONNumber(pageSize(source["maxResults"])))
                return build(fields, in: placement, managed: managed)
            }
            for (offsetName, limitName) in [("startAt", "maxResults"), ("start", "limit"), ("offset", "limit")] where isList {
                guard source[offsetName] != nil, source[limitName] != nil else { continue }
                var fields: JSONObject = ["kind": "offset", "offset_param": .string(offsetName), "limit_param": .string(limitName)]
                fields["page_size"] = .number(JSONNumber(pageSize(source[limitName])))
                if let total = field("total") ?? field("totalSize") { fields["total"] = .string(total) }
                if let isLast = field("isLast") { fields["is_last"] = .string(isLast) }
                return build(fields, in: placement, managed: [offsetName, limitName])
            }
            if source["cursor"] != nil, isList {
                var fields: JSONObject = ["kind": "next_link"]
                var managed = ["cursor"]
                if let links = responseProperties["_links"], links["properties"]?["next"] != nil || links["properties"] == nil {
                    fields["next"] = "_links.next"
                    if links["properties"]?["base"] != nil { note = "the response has _links.base: if its next links are relative to it, set pagination.base to \"_links.base\" in the overrides" }
                } else if field("next") != nil {
                    fields["next"] = "next"
                } else if headers.contains(where: { $0.lowercased() == "link" }) {
                    fields["source"] = "header"
                } else {
                    continue
                }
                if source["limit"] != nil { fields["limit_param"] = "limit"; managed.append("limit") }
                fields["page_size"] = .number(JSONNumber(pageSize(source["limit"])))
                return build(fields, in: placement, managed: managed)
            }
            for sizeName in ["per_page", "page_size", "pageSize", "size"] where isList {
                guard source["page"] != nil, source[sizeName] != nil else { continue }
                var fields: JSONObject = ["kind": "page_number", "page_param": "page", "limit_param": .string(sizeName)]
                fields["page_size"] = .number(JSONNumber(pageSize(source[sizeName])))
                return build(fields, in: placement, managed: ["page", sizeName])
            }
        }
        if headers.contains(where: { $0.lowercased() == "link" }) {
            var fields: JSONObject = ["kind": "next_link", "source": "header"]
            var managed: [String] = []
            for name in ["per_page", "limit"] where params[name] != nil {
                fields["limit_param"] = .string(name)
                managed.append(name)
                break
            }
            fields["page_size"] = .number(JSONNumber(pageSize(managed.first.flatMap { params[$0] })))
            return build(fields, in: "query", managed: managed)
        }
        return nil
    }

    /// The dot path of the records array in a response object: a well-known name first, then the only array.
    static func recordsPath(_ response: JSONValue?) -> String? {
        guard let properties = response?["properties"]?.objectValue else { return nil }
        let arrays = properties.filter { $0.value["type"]?.stringValue == "array" }.map(\.key)
        if let known = recordNames.first(where: arrays.contains) { return known }
        return arrays.count == 1 ? arrays[0] : nil
    }

    /// Whether a read returns a list (a bare array, or an object whose array has a well-known records name
    /// such as `values`), so a missing pagination is worth reporting. An object with some other array (an
    /// issue's `transitions`) is one record, not a list.
    static func looksLikeList(_ response: JSONValue?) -> Bool {
        if response?["type"]?.stringValue == "array" { return true }
        guard let path = recordsPath(response) else { return false }
        return recordNames.contains(path)
    }
}
