/// Fills an action's request template with validated params, producing a ``PreparedRequest``.
///
/// Each placement encodes for where it lands: path values become exactly one segment, query values are
/// encoded, header values may not contain CR or LF, and JSON body placeholders keep their JSON type.
/// Absent optional params leave no trace.
///
/// ```swift
/// let request = try RequestBuilder.build(action.request, params: ["issue": "DEMO-1"], baseURL: "https://acme.atlassian.net", connectorHeaders: [])
/// request.url   // "https://acme.atlassian.net/rest/api/3/issue/DEMO-1"
/// ```
public enum RequestBuilder {
    public static func build(
        _ template: RequestTemplate,
        params: JSONObject,
        baseURL: String,
        connectorHeaders: [(name: String, value: Template)]
    ) throws(ExecutionError) -> PreparedRequest {
        let lookup: (String) -> JSONValue? = { params[$0] }
        var path = ""
        for part in template.path.parts {
            switch part {
            case .literal(let text):
                path += text
            case .placeholder(let name):
                guard let value = params[name], !value.isNull else {
                    throw ExecutionError(kind: .validation, message: "missing required param '\(name)' for the request path")
                }
                path += PercentEncoding.encodePathSegment(renderScalar(value))
            }
        }

        var query: [(name: String, value: String)] = []
        for entry in template.query {
            if let name = entry.value.wholePlaceholder, case .array(let elements)? = params[name] {
                guard !elements.isEmpty else { continue }
                switch entry.arrayStyle {
                case .repeatKey: query += elements.map { (entry.name, renderScalar($0)) }
                case .comma: query.append((entry.name, elements.map(renderScalar).joined(separator: ",")))
                }
            } else if let value = entry.value.fill(lookup, render: renderScalar) {
                query.append((entry.name, value))
            }
        }

        var headers: [(name: String, value: String)] = []
        for header in connectorHeaders + template.headers {
            guard let value = header.value.fill(lookup, render: renderScalar) else { continue }
            if value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                let param = header.value.placeholders.first.map { "param '\($0)'" } ?? "header '\(header.name)'"
                throw ExecutionError(kind: .validation, message: "\(param) cannot contain a line break: it is sent in the \(header.name) header")
            }
            headers.removeAll { $0.name.lowercased() == header.name.lowercased() }
            headers.append((header.name, value))
        }

        var body: RequestBody?
        switch template.body {
        case .json(let jsonTemplate):
            body = .json(fill(jsonTemplate, params: params) ?? .object(JSONObject()))
        case .form(let entries):
            body = .form(entries.compactMap { entry in entry.value.fill(lookup, render: renderScalar).map { (entry.name, $0) } })
        case nil:
            break
        }
        if let body { headers.append(("Content-Type", body.contentType)) }

        return PreparedRequest(
            method: template.method, baseURL: baseURL, path: path, query: query,
            headers: headers, body: body, absoluteURL: nil
        )
    }

    /// Fills a JSON template; returns `nil` when everything in it was left out because params were absent.
    static func fill(_ template: JSONTemplate, params: JSONObject) -> JSONValue? {
        switch template {
        case .literal(let value):
            return value
        case .param(let name):
            guard let value = params[name], !value.isNull else { return nil }
            return value
        case .text(let text):
            return text.fill({ params[$0] }, render: renderScalar).map(JSONValue.string)
        case .object(let members):
            var object = JSONObject()
            for member in members {
                if let value = fill(member.value, params: params) { object[member.key] = value }
            }
            return object.isEmpty ? nil : .object(object)
        case .array(let elements):
            let filled = elements.compactMap { fill($0, params: params) }
            return filled.isEmpty ? nil : .array(filled)
        }
    }

    /// How a value is written into a path, query or header: strings as they are, scalars as JSON writes
    /// them, arrays comma-joined, objects as compact JSON.
    static func renderScalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .array(let elements): elements.map(renderScalar).joined(separator: ",")
        default: value.serialized()
        }
    }
}
