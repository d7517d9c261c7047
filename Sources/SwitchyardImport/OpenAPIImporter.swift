import Switchyard

/// Turns an OpenAPI 3.0 or 3.1 description into a connector manifest that `switchyard validate` accepts,
/// with a report of what became of every operation.
///
/// Each operation becomes an action: the entity is its first tag (else its path's first segment), the
/// action its operationId in snake_case with the entity's words taken out (`getIssue` under `Issues` →
/// `issues.get`). Names are deterministic: a name already taken in the entity falls back to the full
/// operationId, then adds the method, then `_2`, `_3`, in operation order, so a re-import keeps them.
///
/// ```swift
/// let result = try OpenAPIImporter(options: ImportOptions()).importSpec(file: "petstore.yaml")
/// try result.manifest.serialized(pretty: true).write(toFile: "petstore.json", atomically: true, encoding: .utf8)
/// print(result.report.text)
/// ```
public struct OpenAPIImporter: Sendable {
    /// The methods of a path item, in the order operations are visited.
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    public let options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// The manifest and the report.
    public struct Result: Sendable {
        public let manifest: JSONValue
        public let report: ImportReport
    }

    public func importSpec(file: String) throws(ImportError) -> Result {
        try importSource(try OpenAPISource(file: file))
    }

    func importSource(_ source: OpenAPISource) throws(ImportError) -> Result {
        let document = source.document
        let prefix = options.pathPrefix
        if !prefix.isEmpty, !prefix.hasPrefix("/") || prefix.hasSuffix("/") || prefix.contains(where: { "{}?#".contains($0) }) {
            throw ImportError(file: source.file, message: "path prefix '\(prefix)' must start with '/', not end with one, and hold no '{', '}', '?' or '#', e.g. /wiki/api/v2")
        }
        let info = document["info"] ?? [:]
        let title = info["title"]?.stringValue ?? "Imported API"
        let name = options.name ?? ImportNaming.connectorName(title)
        var report = ImportReport()
        var converter = SchemaConverter(document: document)

        var manifest: JSONObject = [
            "name": .string(name), "title": .string(title), "version": .string(info["version"]?.stringValue ?? "0.0.0"),
            "description": .string(DescriptionText.combined(summary: info["summary"]?.stringValue, description: info["description"]?.stringValue, limit: DescriptionText.actionLimit) ?? title),
        ]
        if let documentation = document["externalDocs"]?["url"]?.stringValue { manifest["documentation"] = .string(documentation) }
        let (config, baseURL) = baseURLAndConfig(document, connector: name)
        if !config.isEmpty { manifest["config"] = .object(config) }
        manifest["base_url"] = .string(baseURL)
        let auth = AuthImporter.importSchemes(document["components"]?["securitySchemes"], connector: name, converter: &converter)
        report.notes += auth.notes
        if !auth.schemes.isEmpty { manifest["auth"] = ["schemes": .object(auth.schemes)] }
        manifest["headers"] = ["Accept": "application/json"]

        var importer = OperationImporter(
            document: document, paramPrefix: ImportNaming.words(name).first ?? "api", converter: converter
        )
        var entities: [String: JSONObject] = [:]
        var entityOrder: [String] = []
        var entryIndex: [String: Int] = [:]
        for pathMember in document["paths"]?.objectValue ?? JSONObject() {
            let pathPointer = JSONPointer(tokens: ["paths", pathMember.key])
            guard let pathItem = importer.converter.dereference(pathMember.value, at: pathPointer) else {
                report.entries.append(ImportReport.Entry(method: "*", path: pathMember.key, operationID: nil, actionID: nil, skipReason: "unresolved path item reference", notes: []))
                continue
            }
            for method in Self.methods {
                guard let operation = pathItem[method], operation.objectValue != nil else { continue }
                let operationID = operation["operationId"]?.stringValue
                let tags = operation["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
                func skip(_ reason: String) {
                    report.entries.append(ImportReport.Entry(method: method.uppercased(), path: pathMember.key, operationID: operationID, actionID: nil, skipReason: reason, notes: []))
                }
                if let reason = selectionReason(path: pathMember.key, operationID: operationID, tags: tags) {
                    skip(reason)
                    continue
                }
                let built: OperationImporter.Built
                do {
                    built = try importer.build(OperationImporter.Operation(method: method, path: prefix + pathMember.key, json: operation, pathItem: pathItem))
                } catch {
                    skip(error.reason)
                    continue
                }
                let entity = ImportNaming.entityName(tags: tags, path: pathMember.key)
                if entities[entity] == nil {
                    entityOrder.append(entity)
                    let tagDescription = tags.first.flatMap { tag in
                        document["tags"]?.arrayValue?.first { $0["name"]?.stringValue == tag }?["description"]?.stringValue
                    }
                    let description = tagDescription.map { DescriptionText.condense($0, limit: DescriptionText.actionLimit) }.flatMap { $0.isEmpty ? nil : $0 }
                    entities[entity] = ["description": .string(description ?? tags.first ?? entity), "actions": .object(JSONObject())]
                }
                var actions = entities[entity]?["actions"]?.objectValue ?? JSONObject()
                let actionName = uniqueActionName(operationID: operationID, method: method, path: pathMember.key, entity: entity, taken: Set(actions.keys))
                actions[actionName] = .object(built.action)
                entities[entity]?["actions"] = .object(actions)
                let actionID = "\(entity).\(actionName)"
                entryIndex[actionID] = report.entries.count
                report.entries.append(ImportReport.Entry(method: method.uppercased(), path: pathMember.key, operationID: operationID, actionID: actionID, skipReason: nil, notes: built.notes))
                report.missingDescriptions += built.missingDescriptions.map { $0 == "(action)" ? actionID : "\(actionID).\($0)" }
                if built.undetectedPagination { report.undetectedPagination.append(actionID) }
            }
        }
        for (pointer, reference) in importer.converter.unresolved {
            report.notes.append("unresolved reference \(reference) at \(pointer); replaced by a schema accepting any value")
        }
        guard !entityOrder.isEmpty else {
            throw ImportError(file: source.file, pointer: JSONPointer(tokens: ["paths"]), message: "no operation was imported (\(report.entries.count) skipped), so there is no manifest to write")
        }
        manifest["entities"] = .object(JSONObject(entityOrder.compactMap { name in entities[name].map { (name, JSONValue.object($0)) } }))

        var json = try validated(.object(manifest), report: &report, entryIndex: entryIndex, file: source.file)
        if let overrides = options.overrides {
            json = try overrides.apply(to: json)
            do {
                _ = try ManifestDecoder.decode(json, source: "overridden manifest")
            } catch {
                throw ImportError(file: source.file, message: "the manifest with the overrides applied is not valid:\n" + error.problems.map { "  \($0)" }.joined(separator: "\n"))
            }
            report.notes.append("\(overrides.edits.count) overrides applied")
        }
        return Result(manifest: json, report: report)
    }

    /// Why the selection options leave an operation out, or `nil` when they keep it.
    private func selectionReason(path: String, operationID: String?, tags: [String]) -> String? {
        func matches(_ pattern: String) -> Bool {
            tags.contains { $0.caseInsensitiveCompare(pattern) == .orderedSame } || operationID == pattern || Glob.matches(pattern, path)
        }
        if let pattern = options.exclude.first(where: matches) { return "excluded by --exclude \(pattern)" }
        if !options.include.isEmpty, !options.include.contains(where: matches) { return "not selected by --include" }
        return nil
    }

    private func uniqueActionName(operationID: String?, method: String, path: String, entity: String, taken: Set<String>) -> String {
        let full = operationID.map(ImportNaming.snakeCase) ?? ImportNaming.derivedOperationName(method: method, path: path, entity: entity)
        let short = operationID.map { ImportNaming.actionName(operationID: $0, entity: entity) } ?? full
        for candidate in [short, full, full + "_" + method] where !taken.contains(candidate) { return candidate }
        var suffix = 2
        while taken.contains("\(full)_\(suffix)") { suffix += 1 }
        return "\(full)_\(suffix)"
    }

    /// The base URL template and config variables: `servers[0]` with each server variable as a config
    /// variable, plus `base_url` to replace the whole URL (`<CONNECTOR>_BASE_URL`).
    private func baseURLAndConfig(_ document: JSONValue, connector: String) -> (JSONObject, String) {
        let prefix = connector.uppercased().replacingOccurrences(of: "-", with: "_")
        var config = JSONObject()
        var template: String
        if let given = options.baseURL {
            template = AuthImporter.escapedBraces(given)
        } else if let server = document["servers"]?.arrayValue?.first, let url = server["url"]?.stringValue,
                  url.contains("://") || url.hasPrefix("//") {
            template = url.hasPrefix("//") ? "https:" + url : url
            for variable in server["variables"]?.objectValue ?? JSONObject() {
                let name = ImportNaming.snakeCase(variable.key)
                template = template.replacingOccurrences(of: "{\(variable.key)}", with: "{\(name)}")
                var entry: JSONObject = [
                    "type": "string",
                    "description": .string(variable.value["description"]?.stringValue.map { DescriptionText.condense($0, limit: DescriptionText.paramLimit) } ?? "Server variable \(variable.key)"),
                ]
                if let value = variable.value["default"], value.stringValue?.isEmpty == false { entry["default"] = value }
                if let values = variable.value["enum"], values.arrayValue?.isEmpty == false { entry["enum"] = values }
                entry["env"] = [.string("\(prefix)_\(name.uppercased())")]
                config[name] = .object(entry)
            }
            if template.hasSuffix("/") { template.removeLast() }
        } else {
            template = "{base_url}"
        }
        if config["base_url"] == nil {
            var entry: JSONObject = ["type": "string", "description": "Full API URL; overrides the template", "env": [.string("\(prefix)_BASE_URL")]]
            if template == "{base_url}", let relative = document["servers"]?.arrayValue?.first?["url"]?.stringValue, !relative.isEmpty {
                entry["description"] = .string("Full API URL, ending in \(relative)")
            }
            config["base_url"] = .object(entry)
        }
        return (config, template)
    }

    /// Checks the manifest as `switchyard validate` does; an action with problems is dropped and its
    /// operation reported as skipped with the first problem, so the manifest written is always valid.
    private func validated(_ manifest: JSONValue, report: inout ImportReport, entryIndex: [String: Int], file: String) throws(ImportError) -> JSONValue {
        var current = manifest
        for _ in 0..<3 {
            let problems: [ManifestProblem]
            do {
                _ = try ManifestDecoder.decode(current, source: file)
                return current
            } catch {
                problems = error.problems
            }
            var dropped: Set<String> = []
            for problem in problems {
                let tokens = problem.pointer.tokens
                if tokens.count >= 4, dropped.contains("\(tokens[1]).\(tokens[3])") { continue }
                guard tokens.count >= 4, tokens[0] == "entities", tokens[2] == "actions",
                      var entity = current["entities"]?[tokens[1]]?.objectValue,
                      var actions = entity["actions"]?.objectValue, actions[tokens[3]] != nil else {
                    throw ImportError(file: file, pointer: problem.pointer, message: "the generated manifest is not valid: \(problem.message)")
                }
                actions[tokens[3]] = nil
                entity["actions"] = .object(actions)
                var entities = current["entities"]?.objectValue ?? JSONObject()
                entities[tokens[1]] = actions.isEmpty ? nil : .object(entity)
                if case .object(var object) = current {
                    object["entities"] = .object(entities)
                    current = .object(object)
                }
                let actionID = "\(tokens[1]).\(tokens[3])"
                if let index = entryIndex[actionID] {
                    let entry = report.entries[index]
                    report.entries[index] = ImportReport.Entry(
                        method: entry.method, path: entry.path, operationID: entry.operationID, actionID: nil,
                        skipReason: "generated action \(actionID) failed validation: \(JSONPointer(tokens: Array(tokens.dropFirst(4)))) \(problem.message)", notes: entry.notes
                    )
                    report.missingDescriptions.removeAll { $0 == actionID || $0.hasPrefix(actionID + ".") }
                    report.undetectedPagination.removeAll { $0 == actionID }
                }
                dropped.insert(actionID)
            }
            if dropped.isEmpty { break }
        }
        do {
            _ = try ManifestDecoder.decode(current, source: file)
        } catch {
            throw ImportError(file: file, message: "the generated manifest is not valid: \(error.problems.first.map(\.description) ?? "")")
        }
        return current
    }
}
