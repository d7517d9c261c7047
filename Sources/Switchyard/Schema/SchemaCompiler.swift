/// Turns schema JSON into a ``SchemaNode`` tree, collecting every problem rather than stopping at the first.
///
/// Everything validation needs is prepared here, once: patterns are compiled, bounds parsed, property tables
/// built. Each problem carries a JSON pointer from the root of the document the schema came from.
struct SchemaCompiler {
    /// How deeply sub-schemas may nest inside one another. `allOf`, `anyOf` and `oneOf` add schema levels
    /// without adding instance levels, so this is looser than ``SchemaValidator/maximumDepth``.
    static let maximumDepth = 128

    /// The keywords this subset implements, for "did you mean" hints on unsupported ones.
    static let supportedKeywords = [
        "type", "properties", "required", "additionalProperties", "enum", "const", "default", "title",
        "description", "examples", "items", "minItems", "maxItems", "uniqueItems", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "allOf", "anyOf",
        "oneOf",
    ]

    /// Annotations accepted and ignored (as are keys starting with `x-`): they never change what validates.
    static let ignoredAnnotations: Set<String> = ["$comment", "deprecated", "readOnly", "writeOnly"]

    private(set) var problems: [SchemaDefinitionError.Problem] = []

    mutating func compile(_ json: JSONValue, at pointer: JSONPointer, depth: Int = 0) -> SchemaNode {
        guard depth <= SchemaCompiler.maximumDepth else {
            report(at: pointer, "schemas are nested more than \(SchemaCompiler.maximumDepth) levels deep")
            return SchemaNode(boolean: true)
        }
        switch json {
        case .bool(let acceptsEverything):
            return SchemaNode(boolean: acceptsEverything)
        case .object(let object):
            return compileObject(object, at: pointer, depth: depth)
        default:
            report(at: pointer, "a schema must be an object or a boolean, got \(json.typeAndAbbreviatedJSON)")
            return SchemaNode(boolean: true)
        }
    }

    private mutating func compileObject(_ object: JSONObject, at pointer: JSONPointer, depth: Int) -> SchemaNode {
        let problemCountBefore = problems.count
        var keywords = SchemaKeywords()
        for member in object {
            let location = pointer.appending(member.key)
            let value = member.value
            switch member.key {
            case "type": keywords.types = compileTypes(value, at: location)
            case "properties": keywords.properties = compileProperties(value, at: location, depth: depth)
            case "required": keywords.required = compileRequired(value, at: location)
            case "additionalProperties":
                switch value {
                case .bool(true): keywords.additionalProperties = .allowed
                case .bool(false): keywords.additionalProperties = .forbidden
                default: keywords.additionalProperties = .validated(by: compile(value, at: location, depth: depth + 1))
                }
            case "enum":
                guard case .array(let values) = value, !values.isEmpty else {
                    report(at: location, "enum must be a non-empty array of allowed values, got \(value.typeAndAbbreviatedJSON)")
                    continue
                }
                keywords.enumValues = values
            case "const": keywords.constValue = value
            case "default": keywords.defaultValue = value
            case "title":
                if value.stringValue == nil { report(at: location, "title must be a string, got \(value.typeAndAbbreviatedJSON)") }
            case "description": keywords.description = text(value, keyword: "description", at: location)
            case "examples":
                if value.arrayValue == nil { report(at: location, "examples must be an array, got \(value.typeAndAbbreviatedJSON)") }
            case "items":
                if case .array = value {
                    report(at: location, "items must be a single schema; the tuple form (an array of schemas) is not supported")
                } else {
                    keywords.items = compile(value, at: location, depth: depth + 1)
                }
            case "minItems": keywords.minItems = count(value, keyword: "minItems", at: location)
            case "maxItems": keywords.maxItems = count(value, keyword: "maxItems", at: location)
            case "minLength": keywords.minLength = count(value, keyword: "minLength", at: location)
            case "maxLength": keywords.maxLength = count(value, keyword: "maxLength", at: location)
            case "uniqueItems":
                guard case .bool(let unique) = value else {
                    report(at: location, "uniqueItems must be true or false, got \(value.typeAndAbbreviatedJSON)")
                    continue
                }
                keywords.uniqueItems = unique
            case "minimum": keywords.minimum = bound(value, keyword: "minimum", at: location)
            case "maximum": keywords.maximum = bound(value, keyword: "maximum", at: location)
            case "exclusiveMinimum": keywords.exclusiveMinimum = bound(value, keyword: "exclusiveMinimum", at: location)
            case "exclusiveMaximum": keywords.exclusiveMaximum = bound(value, keyword: "exclusiveMaximum", at: location)
            case "pattern": keywords.pattern = compilePattern(value, at: location)
            case "format":
                guard let name = text(value, keyword: "format", at: location) else { continue }
                keywords.format = StringFormat(rawValue: name)
            case "allOf": keywords.allOf = compileBranches(value, keyword: "allOf", at: location, depth: depth)
            case "anyOf": keywords.anyOf = compileBranches(value, keyword: "anyOf", at: location, depth: depth)
            case "oneOf": keywords.oneOf = compileBranches(value, keyword: "oneOf", at: location, depth: depth)
            case let key where SchemaCompiler.ignoredAnnotations.contains(key) || key.hasPrefix("x-"):
                continue
            case "nullable":
                report(at: location, "unsupported keyword 'nullable'; allow null in the type instead: \"type\": [\"string\", \"null\"]")
            case "$ref", "$defs", "definitions":
                report(at: location, "unsupported keyword '\(member.key)'; references are not supported, write the schema inline")
            default:
                let suggestion = EditDistance.closestMatch(to: member.key, among: SchemaCompiler.supportedKeywords)
                report(at: location, "unsupported keyword '\(member.key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            }
        }
        if object["properties"] != nil {
            checkRequiredAreDeclared(object["required"], properties: keywords.properties, at: pointer.appending("required"))
        }
        checkRangesCanBeMet(keywords, at: pointer)
        let node = SchemaNode(json: .object(object), keywords: keywords)
        if let defaultValue = keywords.defaultValue, problems.count == problemCountBefore {
            checkDefault(defaultValue, against: node, at: pointer.appending("default"))
        }
        return node
    }

    // MARK: Keywords

    private mutating func compileTypes(_ value: JSONValue, at pointer: JSONPointer) -> [String] {
        switch value {
        case .string(let name):
            return checkTypeName(name, at: pointer) ? [name] : []
        case .array(let elements) where !elements.isEmpty:
            var names: [String] = []
            for (index, element) in elements.enumerated() {
                let location = pointer.appending(index)
                guard case .string(let name) = element else {
                    report(at: location, "type names must be strings, got \(element.typeAndAbbreviatedJSON)")
                    continue
                }
                guard !names.contains(name) else {
                    report(at: location, "type '\(name)' is listed twice")
                    continue
                }
                if checkTypeName(name, at: location) { names.append(name) }
            }
            return names
        default:
            report(at: pointer, "type must be a type name or a non-empty array of type names, got \(value.typeAndAbbreviatedJSON)")
            return []
        }
    }

    private mutating func checkTypeName(_ name: String, at pointer: JSONPointer) -> Bool {
        guard SchemaTypeSet(name: name) == nil else { return true }
        let suggestion = EditDistance.closestMatch(to: name, among: SchemaTypeSet.names)
        report(
            at: pointer,
            "unknown type '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; expected one of " + SchemaTypeSet.names.joined(separator: ", ")
        )
        return false
    }

    private mutating func compileProperties(_ value: JSONValue, at pointer: JSONPointer, depth: Int) -> [SchemaKeywords.Property] {
        guard case .object(let object) = value else {
            report(at: pointer, "properties must be an object mapping param names to schemas, got \(value.typeAndAbbreviatedJSON)")
            return []
        }
        return object.map { member in
            SchemaKeywords.Property(
                name: member.key,
                schema: compile(member.value, at: pointer.appending(member.key), depth: depth + 1)
            )
        }
    }

    private mutating func compileRequired(_ value: JSONValue, at pointer: JSONPointer) -> [String] {
        guard case .array(let elements) = value else {
            report(at: pointer, "required must be an array of param names, got \(value.typeAndAbbreviatedJSON)")
            return []
        }
        var names: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let name) = element else {
                report(at: pointer.appending(index), "required param names must be strings, got \(element.typeAndAbbreviatedJSON)")
                continue
            }
            guard !names.contains(name) else {
                report(at: pointer.appending(index), "required param '\(name)' is listed twice")
                continue
            }
            names.append(name)
        }
        return names
    }

    private mutating func compilePattern(_ value: JSONValue, at pointer: JSONPointer) -> CompiledPattern? {
        guard let source = text(value, keyword: "pattern", at: pointer) else { return nil }
        do {
            return try CompiledPattern.shared(source)
        } catch {
            report(at: pointer, "pattern \(JSONValue.string(source).abbreviatedJSON()) is not a valid regular expression: \(error)")
            return nil
        }
    }

    private mutating func compileBranches(_ value: JSONValue, keyword: String, at pointer: JSONPointer, depth: Int) -> [SchemaNode] {
        guard case .array(let elements) = value, !elements.isEmpty else {
            report(at: pointer, "\(keyword) must be a non-empty array of schemas, got \(value.typeAndAbbreviatedJSON)")
            return []
        }
        return elements.enumerated().map { index, element in
            compile(element, at: pointer.appending(index), depth: depth + 1)
        }
    }

    private mutating func text(_ value: JSONValue, keyword: String, at pointer: JSONPointer) -> String? {
        guard case .string(let text) = value else {
            report(at: pointer, "\(keyword) must be a string, got \(value.typeAndAbbreviatedJSON)")
            return nil
        }
        return text
    }

    private mutating func count(_ value: JSONValue, keyword: String, at pointer: JSONPointer) -> Int? {
        guard let number = value.numberValue, number.isInteger, let count = number.intValue, count >= 0 else {
            report(at: pointer, "\(keyword) must be a non-negative integer, got \(value.typeAndAbbreviatedJSON)")
            return nil
        }
        return count
    }

    private mutating func bound(_ value: JSONValue, keyword: String, at pointer: JSONPointer) -> NumericBound? {
        guard case .number(let number) = value else {
            let hint = value.boolValue != nil && keyword.hasPrefix("exclusive")
                ? " (in JSON Schema 2020-12 it is the limit itself, as in \"\(keyword)\": 0)" : ""
            report(at: pointer, "\(keyword) must be a number, got \(value.typeAndAbbreviatedJSON)" + hint)
            return nil
        }
        return NumericBound(number)
    }

    // MARK: Consistency

    /// Reports each `required` name that `properties` does not declare: almost always a typo.
    private mutating func checkRequiredAreDeclared(
        _ required: JSONValue?, properties: [SchemaKeywords.Property], at pointer: JSONPointer
    ) {
        guard case .array(let entries)? = required else { return }
        let declaredNames = properties.map(\.name)
        for (index, entry) in entries.enumerated() {
            guard case .string(let name) = entry, !declaredNames.contains(name) else { continue }
            let suggestion = EditDistance.closestMatch(to: name, among: declaredNames)
            report(
                at: pointer.appending(index),
                "required param '\(name)' is not declared in properties" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            )
        }
    }

    private mutating func checkRangesCanBeMet(_ keywords: SchemaKeywords, at pointer: JSONPointer) {
        if let minimum = keywords.minItems, let maximum = keywords.maxItems, minimum > maximum {
            report(at: pointer.appending("minItems"), "minItems (\(minimum)) is greater than maxItems (\(maximum)), so no array can match")
        }
        if let minimum = keywords.minLength, let maximum = keywords.maxLength, minimum > maximum {
            report(at: pointer.appending("minLength"), "minLength (\(minimum)) is greater than maxLength (\(maximum)), so no string can match")
        }
        if let minimum = keywords.minimum, let maximum = keywords.maximum, maximum.position(of: minimum.limit) == .above {
            report(at: pointer.appending("minimum"), "minimum (\(minimum.limit)) is greater than maximum (\(maximum.limit)), so no number can match")
        }
    }

    /// Validates `default` against its own schema, so a manifest can't fill in a value its action would reject.
    private mutating func checkDefault(_ defaultValue: JSONValue, against node: SchemaNode, at pointer: JSONPointer) {
        var validator = SchemaValidator(collectingViolations: true)
        validator.check(defaultValue, against: node, depth: 0)
        let messages = validator.violations(rootName: "the default").map(\.message)
        guard !messages.isEmpty else { return }
        report(at: pointer, "default does not match the schema: " + messages.joined(separator: "; "))
    }

    private mutating func report(at pointer: JSONPointer, _ message: String) {
        problems.append(SchemaDefinitionError.Problem(pointer: pointer, message: message))
    }
}
