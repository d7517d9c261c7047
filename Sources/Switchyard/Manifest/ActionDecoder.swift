/// Decodes one action of a manifest and checks that its params, templates and pagination fit together.
enum ActionDecoder {
    static func decode(_ name: String, _ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> Action? {
        ManifestDecoder.checkName(name, what: "action", at: pointer, problems: &problems)
        guard var reader = ObjectReader(json, at: pointer, what: "an action", problems: &problems) else { return nil }
        let description = reader.string("description", required: true, problems: &problems) ?? ""
        let summary = reader.string("summary", problems: &problems)
        if let summary { checkSummary(summary, at: pointer.appending("summary"), problems: &problems) }
        let safetyJSON = reader.value("safety")
        let keywords = ManifestDecoder.decodeKeywords(&reader, problems: &problems)
        let scopes = reader.strings("scopes", problems: &problems) ?? []
        for (index, scope) in scopes.enumerated() where scope.isEmpty || scope.contains(where: \.isWhitespace) {
            problems.add(pointer.appending("scopes").appending(index), "a scope is one word without spaces, e.g. \"read:jira-work\"")
        }
        let paramsJSON = reader.value("params") ?? ["type": "object", "properties": [:]]
        let request = reader.value("request").flatMap { decodeRequest($0, at: pointer.appending("request"), problems: &problems) }
        if reader.object["request"] == nil { problems.add(pointer, "missing required field 'request'") }
        let response = reader.value("response").map { decodeResponse($0, at: pointer.appending("response"), problems: &problems) }
            ?? ResponseSpec(records: nil, fields: [], pagination: nil)
        let retry = reader.value("retry").map { RetrySettings.decode($0, at: pointer.appending("retry"), problems: &problems) } ?? .none
        let prefetchJSON = reader.value("prefetch")
        reader.reportUnknownFields(&problems)

        let declared = checkDeclaredParams(paramsJSON, at: pointer.appending("params"), problems: &problems)
        guard let request else { return nil }
        let safety = decodeSafety(safetyJSON, implied: .implied(by: request.method), at: pointer.appending("safety"), problems: &problems)
        checkPlacement(request, declared: declared, at: pointer.appending("request"), problems: &problems)
        for transform in request.transforms {
            checkTransform(transform, at: pointer.appending("request"), problems: &problems)
        }
        let prefetch = prefetchJSON.flatMap {
            PrefetchDecoder.decode($0, at: pointer.appending("prefetch"), declared: declared, placed: request.placedParams, problems: &problems)
        }
        let schemaJSON = ControlParams.effectiveSchema(
            declared: paramsJSON, paginated: response.pagination != nil, transformsText: !response.transforms.isEmpty, safety: safety
        )
        let schema: JSONSchema
        do {
            schema = try JSONSchema(schemaJSON, at: pointer.appending("params"))
        } catch {
            for problem in error.problems { problems.add(problem.pointer, "invalid param schema: \(problem.message)") }
            return nil
        }
        return Action(
            name: name, description: description, summary: summary, safety: safety, keywords: keywords, scopes: scopes, declaredParams: paramsJSON,
            params: schema, request: request, prefetch: prefetch, response: response, retry: retry
        )
    }

    /// A summary is one line of prose: tool definitions append the description's example to it.
    private static func checkSummary(_ summary: String, at pointer: JSONPointer, problems: inout ProblemList) {
        if summary.allSatisfy(\.isWhitespace) {
            problems.add(pointer, "summary must not be empty")
        } else if summary.contains(where: \.isNewline) {
            problems.add(pointer, "summary must be one line")
        } else if summary.count > Action.summaryLength {
            problems.add(pointer, "summary has \(summary.count) characters; at most \(Action.summaryLength), as the full text belongs in 'description'")
        }
    }

    /// The declared params: the schema must be an object schema and may not use reserved names.
    private static func checkDeclaredParams(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> DeclaredParams {
        guard let object = json.objectValue else {
            problems.add(pointer, "params must be a JSON Schema object, got \(json.typeName)")
            return DeclaredParams(names: [], required: [], defaulted: [])
        }
        if let type = object["type"], type != "object" {
            problems.add(pointer.appending("type"), "params must have \"type\": \"object\"")
        }
        let properties = object["properties"]?.objectValue ?? JSONObject()
        for property in properties {
            ManifestDecoder.checkName(property.key, what: "param", at: pointer.appending("properties").appending(property.key), problems: &problems)
            if ControlParams.reserved.contains(property.key) {
                problems.add(
                    pointer.appending("properties").appending(property.key),
                    "param name '\(property.key)' is reserved by Switchyard (reserved: \(ControlParams.reserved.sorted().joined(separator: ", ")))"
                )
            }
        }
        let required = object["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let defaulted = properties.filter { $0.value["default"] != nil }.map(\.key)
        var elementFields: [String: Set<String>] = [:]
        for property in properties {
            if let fields = property.value["items"]?["properties"]?.objectValue { elementFields[property.key] = Set(fields.keys) }
        }
        let objectParams = Set(properties.filter { $0.value["type"] == "object" }.map(\.key))
        return DeclaredParams(
            names: properties.keys, required: required, defaulted: Set(defaulted), elementFields: elementFields, objectParams: objectParams
        )
    }

    /// Checks that the request's placeholders name declared params, that path params are always present, and
    /// (with `checkRequired`) that every required param is placed.
    static func checkPlacement(
        _ request: RequestTemplate, declared: DeclaredParams, checkRequired: Bool = true, at pointer: JSONPointer, problems: inout ProblemList
    ) {
        let names = Set(declared.names)
        ManifestDecoder.checkPlaceholders(request.path, declared: names, what: "param", at: pointer.appending("path"), problems: &problems)
        for name in request.path.placeholders where names.contains(name) && !declared.required.contains(name) && !declared.defaulted.contains(name) {
            problems.add(pointer.appending("path"), "path placeholder {\(name)} must be a required param (or have a default)")
        }
        for entry in request.query {
            ManifestDecoder.checkPlaceholders(entry.value, declared: names, what: "param", at: pointer.appending("query").appending(entry.name), problems: &problems)
        }
        for header in request.headers {
            ManifestDecoder.checkPlaceholders(header.value, declared: names, what: "param", at: pointer.appending("headers").appending(header.name), problems: &problems)
        }
        switch request.body {
        case .json(let template):
            for name in template.placeholders where !names.contains(name) {
                problems.add(pointer.appending("body"), "placeholder {\(name)} has no matching param")
            }
            for param in template.mergedParams where names.contains(param) && !declared.objectParams.contains(param) {
                problems.add(pointer.appending("body"), "\"$merge\": \"\(param)\" must be a param of \"type\": \"object\"")
            }
            for part in template.eachParts where names.contains(part.param) {
                guard let fields = declared.elementFields[part.param] else {
                    problems.add(pointer.appending("body"), "\"$each\": \"\(part.param)\" must be an array param whose items are objects with properties")
                    continue
                }
                for name in part.item.placeholders where !fields.contains(name) {
                    problems.add(pointer.appending("body"), "placeholder {\(name)} in the \"$each\" item is not a property of \(part.param)'s items; they are \(fields.sorted().joined(separator: ", "))")
                }
            }
        case .form(let entries):
            for entry in entries {
                ManifestDecoder.checkPlaceholders(entry.value, declared: names, what: "param", at: pointer.appending("form").appending(entry.name), problems: &problems)
            }
        case .multipart(let parts):
            for part in parts {
                for template in part.templates {
                    ManifestDecoder.checkPlaceholders(template, declared: names, what: "param", at: pointer.appending("multipart").appending(part.name), problems: &problems)
                }
            }
        case nil:
            break
        }
        guard checkRequired else { return }
        let placed = request.placedParams
        for name in declared.required where !placed.contains(name) {
            problems.add(pointer, "required param '\(name)' is placed nowhere: use {\(name)} in the path, query, headers, body, form or multipart")
        }
    }

    private static func decodeSafety(_ json: JSONValue?, implied: ActionSafety, at pointer: JSONPointer, problems: inout ProblemList) -> ActionSafety {
        guard let json, var reader = ObjectReader(json, at: pointer, what: "'safety'", problems: &problems) else { return implied }
        let readOnly = reader.bool("read_only", problems: &problems) ?? implied.readOnly
        let idempotent = reader.bool("idempotent", problems: &problems) ?? (readOnly || implied.idempotent)
        let destructive = reader.bool("destructive", problems: &problems) ?? implied.destructive
        reader.reportUnknownFields(&problems)
        if readOnly && destructive { problems.add(pointer, "an action cannot be both read_only and destructive") }
        return ActionSafety(readOnly: readOnly, idempotent: idempotent, destructive: destructive)
    }

    // MARK: Request

    static func decodeRequest(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> RequestTemplate? {
        guard var reader = ObjectReader(json, at: pointer, what: "'request'", problems: &problems) else { return nil }
        let methodName = reader.string("method", required: true, problems: &problems)
        let method = methodName.flatMap { HTTPMethodName(rawValue: $0.uppercased()) }
        if let methodName, method == nil {
            problems.add(pointer.appending("method"), "unknown method '\(methodName)'; expected one of \(HTTPMethodName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let path = reader.template("path", required: true, problems: &problems)
        if let path, !path.source.hasPrefix("/") {
            problems.add(pointer.appending("path"), "path must start with '/': it is relative to the connector's base URL")
        }
        if let path, path.source.contains("?") || path.source.contains("#") || path.source.contains("://") {
            problems.add(pointer.appending("path"), "path must be a plain path: put query params under 'query'")
        }
        let query = reader.value("query").map { decodeQuery($0, at: pointer.appending("query"), problems: &problems) } ?? []
        let headers = reader.value("headers").map { ManifestDecoder.decodeHeaders($0, at: pointer.appending("headers"), problems: &problems) } ?? []
        var body: BodyTemplate?
        if let bodyJSON = reader.value("body") {
            body = .json(jsonTemplate(bodyJSON, at: pointer.appending("body"), problems: &problems))
        }
        if let formJSON = reader.value("form") {
            if body != nil { problems.add(pointer.appending("form"), "a request has one of 'body', 'form' or 'multipart', not several") }
            body = .form(ManifestDecoder.decodeHeaders(formJSON, at: pointer.appending("form"), problems: &problems))
        }
        if let multipartJSON = reader.value("multipart") {
            if body != nil { problems.add(pointer.appending("multipart"), "a request has one of 'body', 'form' or 'multipart', not several") }
            body = .multipart(MultipartDecoder.decode(multipartJSON, at: pointer.appending("multipart"), problems: &problems))
        }
        reader.reportUnknownFields(&problems)
        guard let method, let path else { return nil }
        return RequestTemplate(method: method, path: path, query: query, headers: headers, body: body)
    }

    private static func decodeQuery(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [QueryTemplate] {
        guard let reader = ObjectReader(json, at: pointer, what: "'query'", problems: &problems) else { return [] }
        return reader.object.compactMap { member in
            let entryPointer = pointer.appending(member.key)
            if let text = member.value.stringValue {
                return problems.template(text, at: entryPointer).map { QueryTemplate(name: member.key, value: $0, arrayStyle: .repeatKey) }
            }
            guard var entry = ObjectReader(member.value, at: entryPointer, what: "a query entry", problems: &problems) else { return nil }
            let value = entry.template("value", required: true, problems: &problems)
            let styleName = entry.string("arrays", problems: &problems) ?? "repeat"
            let style = QueryTemplate.ArrayStyle(rawValue: styleName)
            if style == nil { problems.add(entryPointer.appending("arrays"), "'arrays' must be 'repeat' or 'comma'") }
            entry.reportUnknownFields(&problems)
            return value.map { QueryTemplate(name: member.key, value: $0, arrayStyle: style ?? .repeatKey) }
        }
    }

    private static func jsonTemplate(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> JSONTemplate {
        switch json {
        case .string(let text):
            guard let template = problems.template(text, at: pointer) else { return .literal(json) }
            if let whole = template.wholePlaceholder { return .param(whole.name, transform: whole.transform) }
            return template.placeholders.isEmpty ? .literal(.string(template.fill { _ in nil } ?? text)) : .text(template)
        case .array(let elements):
            let templates = elements.enumerated().map { jsonTemplate($0.element, at: pointer.appending($0.offset), problems: &problems) }
            return templates.allSatisfy(\.isLiteral) ? .literal(json) : .array(templates)
        case .object(let object) where object["$each"] != nil:
            return eachTemplate(object, at: pointer, problems: &problems)
        case .object(var object) where object["$merge"] != nil:
            guard let param = object["$merge"]?.stringValue, !param.isEmpty, !param.contains("{") else {
                problems.add(pointer.appending("$merge"), "\"$merge\" must name an object param, e.g. \"field_values\" (no braces)")
                return .literal(.null)
            }
            object["$merge"] = nil
            return .merge(jsonTemplate(.object(object), at: pointer, problems: &problems), param: param)
        case .object(let object):
            let members = object.map { (key: $0.key, value: jsonTemplate($0.value, at: pointer.appending($0.key), problems: &problems)) }
            return members.allSatisfy(\.value.isLiteral) ? .literal(json) : .object(members)
        default:
            return .literal(json)
        }
    }

    /// `{"$each": "param", "item": template}`; the item may not hold another `$each`.
    private static func eachTemplate(_ object: JSONObject, at pointer: JSONPointer, problems: inout ProblemList) -> JSONTemplate {
        for member in object where member.key != "$each" && member.key != "item" {
            problems.add(pointer.appending(member.key), "an object with \"$each\" has only \"$each\" (an array param) and \"item\" (the template of one element)")
        }
        guard let param = object["$each"]?.stringValue, !param.isEmpty, !param.contains("{") else {
            problems.add(pointer.appending("$each"), "\"$each\" must name an array param, e.g. \"issues\" (no braces)")
            return .literal(.null)
        }
        guard let itemJSON = object["item"] else {
            problems.add(pointer, "\"$each\" needs \"item\": the template of one element, e.g. {\"fields\": {\"summary\": \"{summary}\"}}")
            return .literal(.null)
        }
        let item = jsonTemplate(itemJSON, at: pointer.appending("item"), problems: &problems)
        if !item.eachParts.isEmpty { problems.add(pointer.appending("item"), "\"$each\" cannot be nested") }
        return .each(param: param, item: item)
    }

    static func checkTransform(_ name: String, at pointer: JSONPointer, problems: inout ProblemList) {
        guard TextTransforms.function(named: name) == nil else { return }
        var message = "unknown transform '\(name)'"
        if let suggestion = EditDistance.closestMatch(to: name, among: TextTransforms.names) {
            message += "; did you mean '\(suggestion)'?"
        }
        problems.add(pointer, message + " Available: \(TextTransforms.names.joined(separator: ", "))")
    }

    // MARK: Response

    private static func decodeResponse(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> ResponseSpec {
        guard var reader = ObjectReader(json, at: pointer, what: "'response'", problems: &problems) else {
            return ResponseSpec(records: nil, fields: [], pagination: nil)
        }
        let records = reader.string("records", problems: &problems)
        let fields = reader.strings("fields", problems: &problems) ?? []
        let pagination = reader.value("pagination").flatMap { PaginationDecoder.decode($0, at: pointer.appending("pagination"), problems: &problems) }
        var transforms: [(path: String, transform: String)] = []
        if let transformsJSON = reader.value("transforms"),
           let transformsReader = ObjectReader(transformsJSON, at: pointer.appending("transforms"), what: "'transforms'", problems: &problems) {
            for member in transformsReader.object {
                guard let name = member.value.stringValue else {
                    problems.add(pointer.appending("transforms").appending(member.key), "a response transform must be a transform name")
                    continue
                }
                checkTransform(name, at: pointer.appending("transforms").appending(member.key), problems: &problems)
                transforms.append((member.key, name))
            }
        }
        reader.reportUnknownFields(&problems)
        return ResponseSpec(records: records, fields: fields, pagination: pagination, transforms: transforms)
    }
}

/// The names a params schema declares, with which are required and which have defaults.
struct DeclaredParams {
    let names: [String]
    let required: [String]
    let defaulted: Set<String>
    /// For each array param whose items are objects, the properties of those items (what an `$each`
    /// item's placeholders may name).
    var elementFields: [String: Set<String>] = [:]
    /// The params declared `"type": "object"` (what a `$merge` may name).
    var objectParams: Set<String> = []
}

extension JSONTemplate {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

extension RequestTemplate {
    /// Every transform this request applies.
    var transforms: [String] {
        var names = path.transforms
        for entry in query { names += entry.value.transforms }
        for header in headers { names += header.value.transforms }
        switch body {
        case .json(let template): names += template.transforms
        case .form(let entries): for entry in entries { names += entry.value.transforms }
        case .multipart(let parts): for part in parts { names += part.templates.flatMap(\.transforms) }
        case nil: break
        }
        return names
    }

    /// Every param this request places somewhere.
    var placedParams: Set<String> {
        var names = Set(path.placeholders)
        for entry in query { names.formUnion(entry.value.placeholders) }
        for header in headers { names.formUnion(header.value.placeholders) }
        switch body {
        case .json(let template): names.formUnion(template.placeholders)
        case .form(let entries): for entry in entries { names.formUnion(entry.value.placeholders) }
        case .multipart(let parts): for part in parts { names.formUnion(part.templates.flatMap(\.placeholders)) }
        case nil: break
        }
        return names
    }
}
