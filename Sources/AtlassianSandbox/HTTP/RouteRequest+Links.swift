import Switchyard

extension RouteRequest {
    /// This request's path and query with some parameters set to new values, for `next` links.
    ///
    /// Other parameters keep their original order and raw encoding; replaced ones move to the end.
    ///
    /// ```swift
    /// // request.uri == "/wiki/api/v2/pages?limit=5&space-id=65537&cursor=abc"
    /// request.pathAndQuery(replacing: ["cursor": "def"])   // "/wiki/api/v2/pages?limit=5&space-id=65537&cursor=def"
    /// ```
    func pathAndQuery(replacing replacements: KeyValuePairs<String, String>, path overridePath: String? = nil) -> String {
        let replacedNames = Set(replacements.map(\.key))
        var items = (rawQuery ?? "").split(separator: "&").filter { item in
            let name = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return !replacedNames.contains(PercentEncoding.decode(name, plusAsSpace: true))
        }.map(String.init)
        for (name, value) in replacements {
            items.append("\(PercentEncoding.encodeQueryComponent(name))=\(PercentEncoding.encodeQueryComponent(value))")
        }
        return "\(overridePath ?? path)?\(items.joined(separator: "&"))"
    }
}
