import Switchyard

/// Builds one manifest action from one OpenAPI operation: params with their placement, the request
/// template, safety, scopes, description and pagination.
///
/// Param names are the wire names in snake_case; a name Switchyard reserves for its control params
/// (`fields`, `limit`, `cursor`, …) gets the connector's first word as a prefix (`jira_fields`), and a name
/// taken twice gets `_2`, `_3`. The wire name stays in the template.
///
/// ```swift
/// var importer = OperationImporter(document: spec, paramPrefix: "jira", converter: SchemaConverter(document: spec))
/// let built = try importer.build(OperationImporter.Operation(method: "GET", path: "/issue/{key}", json: op, pathItem: item))
/// built.action   // {"description": …, "params": …, "request": {"method": "GET", "path": "/issue/{key}"}}
/// ```
struct OperationImporter {
    /// One operation of the description, where it is, and the path item it belongs to.
    struct Operation {
        let method: String
        let path: String
        let json: JSONValue
        let pathItem: JSONValue
        var pointer: JSONPointer { JSONPointer(tokens: ["paths", path, method.lowercased()]) }
    }

    /// The action built, and what the report should say about it.
    struct Built {
        let action: JSONObject
        var notes: [String] = []
        var missingDescriptions: [String] = []
        var undetectedPagination = false
    }

    /// Why an operation was not imported.
    struct Skip: Error {
        let reason: String
    }

    static let supportedMethods: Set<String> = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"]
    /// Headers an OpenAPI description may not define as params (the spec ignores them) or Switchyard sets.
    static let ignoredHeaders: Set<String> = ["accept", "content-type", "authorization"]

    let document: JSONValue
    let paramPrefix: String
    var converter: SchemaConverter

    private struct Param {
        var name: String
        let wireName: String
        let placement: String
        var schema: JSONValue
        let required: Bool
        var arrayStyle: String?
    }

    mutating func build(_ operation: Operation) throws(Skip) -> Built {
        let method = operation.method.uppercased()
        guard Self.supportedMethods.contains(method) else { throw Skip(reason: "method \(method) is not supported by manifests") }
        var notes: [String] = []
        var missing: [String] = []
        var params: [Param] = []
        var usedNames: Set<String> = []
        let prefix = paramPrefix

        func uniqueName(_ wireName: String) -> String {
            var name = ImportNaming.snakeCase(wireName)
            if ControlParams.reserved.contains(name) { name = prefix + "_" + name }
            let base = name
            var suffix = 2
            while usedNames.contains(name) || ControlParams.reserved.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            usedNames.insert(name)
            return name
        }

        // Params: the path item's, overridden by the operation's of the same name and location.
        var declared: [(key: String, value: JSONValue, pointer: JSONPointer)] = []
        let sources = [
            (operation.pathItem["parameters"]?.arrayValue ?? [], JSONPointer(tokens: ["paths", operation.path, "parameters"])),
            (operation.json["parameters"]?.arrayValue ?? [], operation.pointer.appending("parameters")),
        ]
        for (list, pointer) in sources {
            for (index, raw) in list.enumerated() {
                guard let param = converter.dereference(raw, at: pointer.appending(index)) else {
                    throw Skip(reason: "parameter \(pointer.appending(index)): unresolved reference \(raw["$ref"]?.stringValue ?? "")")
                }
                let key = "\(param["in"]?.stringValue ?? "")/\(param["name"]?.stringValue ?? "")"
                declared.removeAll { $0.key == key }
                declared.append((key, param, pointer.appending(index)))
            }
        }
        for (_, param, pointer) in declared {
            guard let wireName = param["name"]?.stringValue, let placement = param["in"]?.stringValue else {
                throw Skip(reason: "parameter \(pointer) has no name or location")
            }
            let required = placement == "path" || param["required"]?.boolValue == true
            if placement == "cookie" {
                if required { throw Skip(reason: "required cookie parameter '\(wireName)' cannot be placed by a manifest") }
                notes.append("cookie parameter '\(wireName)' left out")
                continue
            }
            if placement == "header", Self.ignoredHeaders.contains(wireName.lowercased()) { continue }
            let rawSchema = param["schema"] ?? param["content"]?.objectValue?.members.first?.value["schema"] ?? [:]
            var schema = converter.convert(rawSchema, at: pointer.appending("schema")).objectValue ?? JSONObject()
            if let text = param["description"]?.stringValue, !text.isEmpty {
                let extra = schema["description"]?.stringValue.map { " " + $0 } ?? ""
                schema["description"] = .string(DescriptionText.condense(text + extra, limit: DescriptionText.paramLimit))
            }
            var arrayStyle: String?
            if placement == "query", schema["type"]?.stringValue == "array" || schema["type"]?.arrayValue?.contains("array") == true {
                let style = param["style"]?.stringValue ?? "form"
                let explode = param["explode"]?.boolValue ?? (style == "form")
                arrayStyle = style == "form" && !explode ? "comma" : "repeat"
                if style != "form" { notes.append("query parameter '\(wireName)' has style \(style); sent with repeated keys") }
            }
            params.append(Param(name: wireName, wireName: wireName, placement: placement, schema: .object(schema), required: required, arrayStyle: arrayStyle))
        }

        // The request body.
        var bodyKind: String?
        var bodyProperties: [String: JSONValue] = [:]
        var bodyParams: [Param] = []
        if let rawBody = operation.json["requestBody"] {
            guard let requestBody = converter.dereference(rawBody, at: operation.pointer.appending("requestBody")) else {
                throw Skip(reason: "request body: unresolved reference \(rawBody["$ref"]?.stringValue ?? "")")
            }
            let bodyRequired = requestBody["required"]?.boolValue == true
            let content = requestBody["content"]?.objectValue ?? JSONObject()
            let bodyPointer = operation.pointer.appending("requestBody").appending("content")
            if let json = content.first(where: { Self.isJSON($0.key) }) {
                let schema = converter.convert(json.value["schema"] ?? [:], at: bodyPointer.appending(json.key).appending("schema"))
                let wirePlacedNames = Set(params.map { ImportNaming.snakeCase($0.wireName) })
                let properties = schema["properties"]?.objectValue ?? JSONObject()
                let splittable = schema["type"]?.stringValue == "object" && !properties.isEmpty
                    && schema["additionalProperties"] == nil && schema["oneOf"] == nil && schema["anyOf"] == nil && schema["allOf"] == nil
                    && !properties.contains { wirePlacedNames.contains(ImportNaming.snakeCase($0.key)) }
                if splittable {
                    let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                    for property in properties {
                        bodyProperties[property.key] = property.value
                        bodyParams.append(Param(name: property.key, wireName: property.key, placement: "body", schema: property.value, required: bodyRequired && required.contains(property.key)))
                    }
                    bodyKind = "body"
                } else {
                    var bodySchema = schema.objectValue ?? JSONObject()
                    if let text = requestBody["description"]?.stringValue {
                        bodySchema["description"] = .string(DescriptionText.condense(text, limit: DescriptionText.paramLimit))
                    }
                    bodyParams.append(Param(name: "body", wireName: "", placement: "wholeBody", schema: .object(bodySchema), required: bodyRequired))
                    bodyKind = "body"
                }
            } else if let form = content["application/x-www-form-urlencoded"] ?? content.first(where: { $0.key.hasPrefix("multipart/") })?.value {
                let isMultipart = content["application/x-www-form-urlencoded"] == nil
                let schema = converter.convert(form["schema"] ?? [:], at: bodyPointer)
                let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                let properties = schema["properties"]?.objectValue ?? JSONObject()
                if properties.isEmpty, isMultipart {
                    bodyParams.append(Param(name: "file", wireName: "file", placement: "file", schema: ["type": "string"], required: bodyRequired))
                }
                for property in properties {
                    let format = isMultipart ? rawFormat(form["schema"], property.key) : nil
                    let isFile = format == "binary" || format == "base64"
                    bodyParams.append(Param(name: property.key, wireName: property.key, placement: isFile ? "file" : (isMultipart ? "part" : "form"), schema: property.value, required: bodyRequired && required.contains(property.key)))
                }
                bodyKind = isMultipart ? "multipart" : "form"
            } else if let mediaType = content.keys.first {
                if bodyRequired { throw Skip(reason: "request body media type \(mediaType) is not supported (JSON, form and multipart are)") }
                notes.append("optional request body (\(mediaType)) left out: the media type is not supported")
            }
        }

        // Pagination, from the query params (or JSON body properties) and the success response.
        let success = successResponse(operation)
        let responseSchema = success.schema
        var queryParams: [String: JSONValue] = [:]
        for param in params where param.placement == "query" { queryParams[param.wireName] = param.schema }
        let detection = method == "GET" || method == "POST"
            ? PaginationDetector.detect(params: queryParams, bodyParams: bodyProperties, response: responseSchema, headers: success.headers)
            : nil
        let managed = detection?.managedParams ?? []
        let managedPlacement = detection?.pagination["in"]?.stringValue == "body" ? "body" : "query"

        // Names, in declaration order: path, query, header, then body.
        var allParams: [Param] = []
        for var param in params + bodyParams {
            if managed.contains(param.wireName), param.placement == managedPlacement { continue }
            param.name = uniqueName(param.name)
            allParams.append(param)
        }

        // The request template.
        var path = operation.path
        var query = JSONObject()
        var headers = JSONObject()
        var bodyTemplate = JSONObject()
        var wholeBody: JSONValue?
        var form = JSONObject()
        var multipart = JSONObject()
        var properties = JSONObject()
        var required: [String] = []
        var fileParams: [(String, JSONValue)] = []
        for param in allParams {
            let placeholder = "{\(param.name)}"
            switch param.placement {
            case "path": path = path.replacingOccurrences(of: "{\(param.wireName)}", with: placeholder)
            case "query":
                query[param.wireName] = param.arrayStyle == "comma" ? ["value": .string(placeholder), "arrays": "comma"] : .string(placeholder)
            case "header": headers[param.wireName] = .string(placeholder)
            case "body": bodyTemplate[param.wireName] = .string(placeholder)
            case "wholeBody": wholeBody = .string(placeholder)
            case "form": form[param.wireName] = .string(placeholder)
            case "part": multipart[param.wireName] = .string(placeholder)
            default:
                let filename = uniqueName(param.name + "_filename")
                let encoding = uniqueName(param.name + "_encoding")
                multipart[param.wireName] = ["content": .string(placeholder), "filename": .string("{\(filename)}"), "encoding": .string("{\(encoding)}")]
                fileParams.append((filename, ["type": "string", "minLength": 1, "description": "File name of the upload, e.g. notes.txt."]))
                fileParams.append((encoding, ["type": "string", "enum": ["text", "base64"], "description": "How the content is given: text (default) or base64."]))
                if param.required { required.append(filename) }
            }
            var schema: JSONValue = param.placement == "file"
                ? ["type": "string", "description": "The file's content: text, or base64 with the encoding param set to base64."]
                : param.schema
            if param.placement == "path", schema["type"] == nil { schema = .object((schema.objectValue ?? JSONObject()).merging(["type": "string"])) }
            properties[param.name] = schema
            if schema["description"] == nil { missing.append(param.name) }
            if param.required { required.append(param.name) }
        }
        for (name, schema) in fileParams { properties[name] = schema }
        for placeholder in Self.placeholders(in: path) where !allParams.contains(where: { $0.placement == "path" && $0.name == placeholder }) {
            throw Skip(reason: "path placeholder {\(placeholder)} has no path parameter")
        }

        var request: JSONObject = ["method": .string(method), "path": .string(path.isEmpty ? "/" : path)]
        if !query.isEmpty { request["query"] = .object(query) }
        if !headers.isEmpty { request["headers"] = .object(headers) }
        if let wholeBody { request["body"] = wholeBody }
        else if bodyKind == "body", !bodyTemplate.isEmpty { request["body"] = .object(bodyTemplate) }
        if !form.isEmpty { request["form"] = .object(form) }
        if !multipart.isEmpty { request["multipart"] = .object(multipart) }

        var paramsSchema: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { paramsSchema["required"] = .array(required.map(JSONValue.string)) }

        let description = DescriptionText.combined(
            summary: operation.json["summary"]?.stringValue, description: operation.json["description"]?.stringValue, limit: DescriptionText.actionLimit
        )
        if description == nil { missing.insert("(action)", at: 0) }
        var action: JSONObject = ["description": .string(description ?? "\(method) \(operation.path)")]
        let safety = ActionSafety.implied(by: HTTPMethodName(rawValue: method) ?? .get)
        action["safety"] = ["read_only": .bool(safety.readOnly), "idempotent": .bool(safety.idempotent), "destructive": .bool(safety.destructive)]
        let scopes = AuthImporter.scopes(of: operation.json, document: document)
        if !scopes.isEmpty { action["scopes"] = .array(scopes.map(JSONValue.string)) }
        action["params"] = .object(paramsSchema)
        action["request"] = .object(request)
        var response = JSONObject()
        if let detection {
            if let records = detection.records { response["records"] = .string(records) }
            response["pagination"] = .object(detection.pagination)
        }
        if !response.isEmpty { action["response"] = .object(response) }

        if let note = detection?.note { notes.append(note) }
        var built = Built(action: action, notes: notes, missingDescriptions: missing)
        built.undetectedPagination = detection == nil && safety.readOnly && PaginationDetector.looksLikeList(responseSchema)
        if operation.json["deprecated"]?.boolValue == true { built.notes.append("deprecated") }
        return built
    }

    /// The first 2xx response's JSON schema, in outline (top-level properties with their own properties
    /// dereferenced, enough to recognise pagination), and its header names.
    private mutating func successResponse(_ operation: Operation) -> (schema: JSONValue?, headers: [String]) {
        let responses = operation.json["responses"]?.objectValue ?? JSONObject()
        guard let member = responses.first(where: { $0.key.hasPrefix("2") }),
              let response = converter.dereference(member.value, at: operation.pointer.appending("responses").appending(member.key)) else {
            return (nil, [])
        }
        let headers = response["headers"]?.objectValue?.keys ?? []
        guard let json = response["content"]?.objectValue?.first(where: { Self.isJSON($0.key) }), let schema = json.value["schema"] else {
            return (nil, headers)
        }
        return (outline(schema, depth: 2), headers)
    }

    private mutating func outline(_ schema: JSONValue, depth: Int) -> JSONValue? {
        guard let resolved = converter.dereference(schema, at: .root)?.objectValue else { return nil }
        var result = JSONObject()
        result["type"] = resolved["type"]
        var properties = JSONObject()
        for branch in [JSONValue.object(resolved)] + (resolved["allOf"]?.arrayValue ?? []) {
            guard let branchObject = converter.dereference(branch, at: .root)?.objectValue else { continue }
            if result["type"] == nil, let type = branchObject["type"] { result["type"] = type }
            for property in branchObject["properties"]?.objectValue ?? JSONObject() {
                properties[property.key] = depth > 1 ? outline(property.value, depth: depth - 1) ?? [:] : converter.dereference(property.value, at: .root) ?? [:]
            }
        }
        if !properties.isEmpty { result["properties"] = .object(properties) }
        return .object(result)
    }

    /// The `format` a multipart property declares in the unconverted schema (the conversion drops `binary`).
    private mutating func rawFormat(_ schema: JSONValue?, _ property: String) -> String? {
        guard let schema, let resolved = converter.dereference(schema, at: .root) else { return nil }
        guard let value = resolved["properties"]?[property], let target = converter.dereference(value, at: .root) else { return nil }
        return target["format"]?.stringValue ?? target["contentMediaType"].map { _ in "binary" } ?? target["items"]?["format"]?.stringValue
    }

    static func isJSON(_ mediaType: String) -> Bool {
        let type = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type == "application/json" || type.hasSuffix("+json") || type == "*/*" || type == "application/*"
    }

    static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension JSONObject {
    func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        result.merge(other)
        return result
    }
}
