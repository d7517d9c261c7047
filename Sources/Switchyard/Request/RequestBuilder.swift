/// Fills an action's request template with validated params, producing a ``PreparedRequest``.
///
/// Each placement encodes for where it lands: path values become exactly one segment, query values are
/// encoded, header values may not contain CR or LF, and JSON body placeholders keep their JSON type.
/// Absent optional params leave no trace. `{param|transform}` passes a value through a named transform.
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
        let source = ParamSource(params: params)
        var path = ""
        for part in template.path.parts {
            switch part {
            case .literal(let text):
                path += text
            case .placeholder(let name, let transform):
                guard let value = try source.value(name, transform) else {
                    throw ExecutionError(kind: .validation, message: "missing required param '\(name)' for the request path")
                }
                path += PercentEncoding.encodePathSegment(renderScalar(value))
            }
        }

        var query: [(name: String, value: String)] = []
        for entry in template.query {
            if let whole = entry.value.wholePlaceholder, case .array(let elements)? = try source.value(whole.name, whole.transform) {
                guard !elements.isEmpty else { continue }
                switch entry.arrayStyle {
                case .repeatKey: query += elements.map { (entry.name, renderScalar($0)) }
                case .comma: query.append((entry.name, elements.map(renderScalar).joined(separator: ",")))
                }
            } else if let value = try entry.value.fill(source.value, render: renderScalar) {
                query.append((entry.name, value))
            }
        }

        var headers: [(name: String, value: String)] = []
        for header in connectorHeaders + template.headers {
            guard let value = try header.value.fill(source.value, render: renderScalar) else { continue }
            if value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                let param = header.value.placeholders.first.map { "param '\($0)'" } ?? "header '\(header.name)'"
                throw ExecutionError(kind: .validation, message: "\(param) cannot contain a line break: it is sent in the \(header.name) header")
            }
            headers.removeAll { $0.name.equalsIgnoringASCIICase(header.name) }
            headers.append((header.name, value))
        }

        var body: RequestBody?
        switch template.body {
        case .json(let jsonTemplate):
            body = .json(try fill(jsonTemplate, source: source) ?? .object(JSONObject()))
        case .form(let entries):
            var pairs: [(name: String, value: String)] = []
            for entry in entries {
                if let value = try entry.value.fill(source.value, render: renderScalar) { pairs.append((entry.name, value)) }
            }
            body = .form(pairs)
        case .multipart(let parts):
            body = .multipart(try fill(parts, source: source))
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
    static func fill(_ template: JSONTemplate, source: ParamSource) throws(ExecutionError) -> JSONValue? {
        switch template {
        case .literal(let value):
            return value
        case .param(let name, let transform):
            return try source.value(name, transform)
        case .text(let text):
            return try text.fill(source.value, render: renderScalar).map(JSONValue.string)
        case .object(let members):
            var object = JSONObject()
            for member in members {
                if let value = try fill(member.value, source: source) { object[member.key] = value }
            }
            return object.isEmpty ? nil : .object(object)
        case .array(let elements):
            var filled: [JSONValue] = []
            for element in elements {
                if let value = try fill(element, source: source) { filled.append(value) }
            }
            return filled.isEmpty ? nil : .array(filled)
        case .each(let param, let item):
            guard let elements = source.params[param]?.arrayValue else { return nil }
            var filled: [JSONValue] = []
            for (index, element) in elements.enumerated() {
                let fields = ParamSource(params: element.objectValue ?? JSONObject(), path: "\(source.path)\(param)[\(index)].")
                filled.append(try fill(item, source: fields) ?? .object(JSONObject()))
            }
            return .array(filled)
        case .merge(let base, let param):
            var object = try fill(base, source: source)?.objectValue ?? JSONObject()
            if let extra = source.params[param]?.objectValue {
                for member in extra { object[member.key] = member.value }
            }
            return object.isEmpty ? nil : .object(object)
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

/// Resolves placeholders against the call's params, applying their transforms.
struct ParamSource {
    let params: JSONObject
    /// Where `params` sit in the call's params, for messages: empty at the top, `issues[2].` in an `$each` item.
    var path = ""

    /// The param's value after its transform; `nil` when the param is absent or null.
    func value(_ name: String, _ transform: String?) throws(ExecutionError) -> JSONValue? {
        guard let value = params[name], !value.isNull else { return nil }
        guard let transform else { return value }
        return try TextTransforms.apply(transform, to: value, param: path + name)
    }
}
