import Foundation

/// Turns a manifest file into a checked ``ConnectorManifest``, or a ``ManifestError`` listing every problem
/// with its JSON pointer.
///
/// Beyond the shape of each field it checks what ties the pieces together: every placeholder names a
/// declared param or config variable, path placeholders are required, every required param is placed
/// somewhere, each pagination kind has its fields, and no entity or action is declared twice.
public enum ManifestDecoder {
    /// `[A-Za-z][A-Za-z0-9_]*`: entity, action, param, config and field names.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `[a-z][a-z0-9-]*`: connector names.
    static func isValidConnectorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Reads and decodes one manifest file.
    public static func decode(file path: String, decoding: ManifestDecoding = .eager) throws(ManifestError) -> ConnectorManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ManifestError(problems: [ManifestProblem(file: path, pointer: .root, message: "cannot read the file")])
        }
        let json: JSONValue
        var entities: ManifestBody.Entities?
        do {
            if case .onFirstUse = decoding {
                (json, entities) = try parseHeader(data)
            } else {
                json = try JSONValue(parsing: data)
            }
        } catch {
            throw ManifestError(problems: [ManifestProblem(file: path, pointer: .root, message: "not valid JSON: \(error)")])
        }
        return try decode(json, source: path, decoding: decoding, entities: entities)
    }

    /// Decodes a manifest already parsed; `source` names it in messages.
    public static func decode(_ json: JSONValue, source: String, decoding: ManifestDecoding = .eager) throws(ManifestError) -> ConnectorManifest {
        try decode(json, source: source, decoding: decoding, entities: nil)
    }

    private static func decode(
        _ json: JSONValue, source: String, decoding: ManifestDecoding, entities: ManifestBody.Entities?
    ) throws(ManifestError) -> ConnectorManifest {
        var problems = ProblemList(file: source)
        let manifest = decodeManifest(json, source: source, decoding: decoding, entities: entities, problems: &problems)
        guard problems.isEmpty, let manifest else { throw ManifestError(problems: problems.problems) }
        return manifest
    }

    /// Every top-level member but `entities` parsed, and `entities` (nearly all of a manifest) left as bytes
    /// to parse on first read. When `entities` comes last, as in the bundled manifests, its bytes are not even
    /// skimmed now (``JSONParser/members(_:in:deferring:)``).
    private static func parseHeader(_ file: Data) throws(JSONParseError) -> (JSONValue, ManifestBody.Entities?) {
        try JSONParser.withBytes(of: file) { buffer throws(JSONParseError) in
            var header: [JSONObject.Member] = []
            var entities: ManifestBody.Entities?
            for member in try JSONParser.members(buffer, in: 0..<buffer.count, deferring: "entities") {
                if member.key == "entities", entities == nil {
                    entities = .unparsed(file: file, range: member.value)
                } else {
                    header.append(JSONObject.Member(key: member.key, value: try JSONParser.parse(buffer, in: member.value)))
                }
            }
            return (.object(JSONObject(uncheckedMembers: header)), entities)
        }
    }

    /// `entities` stands in for the JSON's own `entities` member when the file was read without parsing it.
    private static func decodeManifest(
        _ json: JSONValue, source: String, decoding: ManifestDecoding, entities unparsedEntities: ManifestBody.Entities?,
        problems: inout ProblemList
    ) -> ConnectorManifest? {
        guard var reader = ObjectReader(json, at: .root, what: "a manifest", problems: &problems) else { return nil }
        let name = reader.string("name", required: true, problems: &problems)
        if let name, !isValidConnectorName(name) {
            problems.add(.root.appending("name"), "connector name '\(name)' must be lowercase letters, digits and '-', starting with a letter")
        }
        let title = reader.string("title", required: true, problems: &problems)
        let version = reader.string("version", required: true, problems: &problems)
        let description = reader.string("description", required: true, problems: &problems)
        let documentation = reader.string("documentation", problems: &problems)
        let config = reader.value("config").map { decodeConfig($0, at: .root.appending("config"), problems: &problems) } ?? []
        let baseURL = reader.template("base_url", required: true, problems: &problems)
        let configNames = Set(config.map(\.name))
        if let baseURL {
            checkPlaceholders(baseURL, declared: configNames, what: "config variable", at: .root.appending("base_url"), problems: &problems)
        }
        let auth = reader.value("auth").map { decodeAuth($0, configNames: configNames, at: .root.appending("auth"), problems: &problems) } ?? AuthSpec.none
        let headers = reader.value("headers").map { decodeHeaders($0, at: .root.appending("headers"), problems: &problems) } ?? []
        for header in headers where !header.value.placeholders.isEmpty {
            problems.add(.root.appending("headers").appending(header.name), "connector headers cannot use placeholders")
        }
        let retry = reader.value("retry").map { RetrySettings.decode($0, at: .root.appending("retry"), problems: &problems) } ?? .none
        let rateLimit = reader.value("rate_limit").map { RateLimitSettings.decode($0, at: .root.appending("rate_limit"), problems: &problems) }
            ?? RateLimitSettings()
        let transport = reader.value("transport").map { TransportSpec.decode($0, at: .root.appending("transport"), problems: &problems) } ?? .none
        let synonyms = reader.value("synonyms").map { decodeSynonyms($0, at: .root.appending("synonyms"), problems: &problems) } ?? [:]
        let entitiesJSON = reader.value("entities")
        let toolsetsJSON = reader.value("toolsets")
        let body: ManifestBody
        switch decoding {
        case .eager:
            let (entities, toolsets) = decodeBody(entities: entitiesJSON, toolsets: toolsetsJSON, authCheck: auth.check, problems: &problems)
            body = ManifestBody(entities: entities, toolsets: toolsets)
        case .onFirstUse(let report):
            body = ManifestBody(pending: ManifestBody.Pending(
                entities: unparsedEntities ?? .parsed(entitiesJSON), toolsets: toolsetsJSON, authCheck: auth.check, source: source, report: report
            ))
        }
        let deployment = reader.value("deployment").flatMap { Deployment.decode($0, at: .root.appending("deployment"), problems: &problems) }
        let scope = reader.value("scope").flatMap { ScopeSpec.decode($0, at: .root.appending("scope"), problems: &problems) }
        reader.reportUnknownFields(&problems)
        guard let name, let title, let version, let description, let baseURL else { return nil }
        return ConnectorManifest(
            name: name, title: title, version: version, description: description, documentation: documentation,
            config: config, baseURL: baseURL, auth: auth, headers: headers, body: body, synonyms: synonyms,
            retry: retry, rateLimit: rateLimit, transport: transport, deployment: deployment, scope: scope, source: source
        )
    }

    /// The entities and toolsets, and the checks that tie the auth check to an action.
    static func decodeBody(
        entities entitiesJSON: JSONValue?, toolsets toolsetsJSON: JSONValue?, authCheck: (entity: String, action: String)?,
        problems: inout ProblemList
    ) -> (entities: [Entity], toolsets: [Toolset]) {
        var entities: [Entity] = []
        if let entitiesJSON {
            entities = decodeEntities(entitiesJSON, at: .root.appending("entities"), problems: &problems)
        } else {
            problems.add(.root, "missing required field 'entities'")
        }
        let toolsets = toolsetsJSON.map {
            ToolsetDecoder.decode($0, entities: entities, at: .root.appending("toolsets"), problems: &problems)
        } ?? []
        if let check = authCheck {
            let action = entities.first { $0.name == check.entity }?.action(check.action)
            if action == nil {
                problems.add(.root.appending("auth").appending("check"), "auth check '\(check.entity).\(check.action)' names no action of this connector")
            } else if action?.safety.readOnly == false {
                problems.add(.root.appending("auth").appending("check"), "auth check '\(check.entity).\(check.action)' must be a read-only action")
            }
        }
        return (entities, toolsets)
    }

    // MARK: Config and auth

    private static func decodeConfig(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [ConfigVariable] {
        guard let object = ObjectReader(json, at: pointer, what: "'config'", problems: &problems) else { return [] }
        object.reportDuplicateKeys(what: "config variable", &problems)
        return object.object.compactMap { member in
            let memberPointer = pointer.appending(member.key)
            checkName(member.key, what: "config variable", at: memberPointer, problems: &problems)
            guard var reader = ObjectReader(member.value, at: memberPointer, what: "a config variable", problems: &problems) else { return nil }
            let typeName = reader.string("type", required: true, problems: &problems) ?? "string"
            let type = ConfigVariable.ValueType(rawValue: typeName)
            if type == nil {
                problems.add(memberPointer.appending("type"), "unknown config type '\(typeName)'; expected string, integer or boolean")
            }
            let description = reader.string("description", required: true, problems: &problems) ?? ""
            let defaultValue = reader.value("default")
            let allowed = reader.value("enum").flatMap(\.arrayValue)
            let environment = reader.strings("env", problems: &problems) ?? []
            reader.reportUnknownFields(&problems)
            let valueType = type ?? .string
            if let defaultValue, !valueType.accepts(defaultValue) {
                problems.add(memberPointer.appending("default"), "default \(defaultValue.displayText) is not a \(valueType.rawValue)")
            }
            return ConfigVariable(
                name: member.key, type: valueType, description: description,
                defaultValue: defaultValue, allowedValues: allowed, environment: environment
            )
        }
    }

    private static func decodeAuth(_ json: JSONValue, configNames: Set<String>, at pointer: JSONPointer, problems: inout ProblemList) -> AuthSpec {
        guard var reader = ObjectReader(json, at: pointer, what: "'auth'", problems: &problems) else { return .none }
        let methodEnvironment = reader.strings("method_env", problems: &problems) ?? []
        var check: (entity: String, action: String)?
        if let text = reader.string("check", problems: &problems) {
            let parts = text.split(separator: ".").map(String.init)
            if parts.count == 2 {
                check = (parts[0], parts[1])
            } else {
                problems.add(pointer.appending("check"), "'check' names a read-only action as 'entity.action', e.g. 'users.myself'")
            }
        }
        var schemes: [AuthScheme] = []
        if let schemesJSON = reader.value("schemes") {
            let schemesPointer = pointer.appending("schemes")
            if let schemesReader = ObjectReader(schemesJSON, at: schemesPointer, what: "'schemes'", problems: &problems) {
                schemesReader.reportDuplicateKeys(what: "auth scheme", &problems)
                for member in schemesReader.object {
                    if let scheme = decodeScheme(member.key, member.value, configNames: configNames, at: schemesPointer.appending(member.key), problems: &problems) {
                        schemes.append(scheme)
                    }
                }
            }
        } else {
            problems.add(pointer, "missing required field 'schemes'")
        }
        reader.reportUnknownFields(&problems)
        return AuthSpec(methodEnvironment: methodEnvironment, schemes: schemes, check: check)
    }

    private static func decodeScheme(
        _ id: String, _ json: JSONValue, configNames: Set<String>, at pointer: JSONPointer, problems: inout ProblemList
    ) -> AuthScheme? {
        checkName(id, what: "auth scheme", at: pointer, problems: &problems)
        guard var reader = ObjectReader(json, at: pointer, what: "an auth scheme", problems: &problems) else { return nil }
        let type = reader.string("type", required: true, problems: &problems)
        let description = reader.string("description", required: true, problems: &problems) ?? ""
        var fields: [CredentialField] = []
        if let fieldsJSON = reader.value("fields"),
           let fieldsReader = ObjectReader(fieldsJSON, at: pointer.appending("fields"), what: "'fields'", problems: &problems) {
            for member in fieldsReader.object {
                let fieldPointer = pointer.appending("fields").appending(member.key)
                checkName(member.key, what: "credential field", at: fieldPointer, problems: &problems)
                guard var fieldReader = ObjectReader(member.value, at: fieldPointer, what: "a credential field", problems: &problems) else { continue }
                let fieldDescription = fieldReader.string("description", required: true, problems: &problems) ?? ""
                let environment = fieldReader.strings("env", problems: &problems) ?? []
                let secret = fieldReader.bool("secret", problems: &problems) ?? true
                fieldReader.reportUnknownFields(&problems)
                fields.append(CredentialField(name: member.key, description: fieldDescription, environment: environment, isSecret: secret))
            }
        }
        let baseURL = reader.template("base_url", problems: &problems)
        if let baseURL {
            checkPlaceholders(baseURL, declared: configNames, what: "config variable", at: pointer.appending("base_url"), problems: &problems)
        }
        var kind: AuthScheme.Kind?
        switch type {
        case "none":
            kind = AuthScheme.Kind.none
        case "basic":
            if let username = reader.template("username", required: true, problems: &problems),
               let password = reader.template("password", required: true, problems: &problems) {
                kind = .basic(username: username, password: password)
            }
        case "bearer":
            if let token = reader.template("token", required: true, problems: &problems) {
                kind = .bearer(token: token)
            }
        case "api_key":
            let placementName = reader.string("in", required: true, problems: &problems)
            let placement = placementName.flatMap(AuthScheme.APIKeyPlacement.init(rawValue:))
            if placementName != nil, placement == nil {
                problems.add(pointer.appending("in"), "'in' must be 'header' or 'query'")
            }
            let name = reader.string("name", required: true, problems: &problems)
            let value = reader.template("value", required: true, problems: &problems)
            if let placement, let name, let value {
                kind = .apiKey(placement: placement, name: name, value: value)
            }
        case "cookie":
            if let cookies = reader.template("cookies", required: true, problems: &problems) {
                kind = .cookie(cookies: cookies)
            }
        case "oauth2":
            let tokenURL = reader.template("token_url", required: true, problems: &problems)
            let spec = tokenURL.map { tokenURL in
                OAuth2Spec(
                    clientID: reader.template("client_id", problems: &problems),
                    clientSecret: reader.template("client_secret", problems: &problems),
                    accessToken: reader.template("access_token", problems: &problems),
                    refreshToken: reader.template("refresh_token", problems: &problems),
                    tokenURL: tokenURL,
                    authorizeURL: reader.template("authorize_url", problems: &problems),
                    resourcesURL: reader.template("resources_url", problems: &problems),
                    audience: reader.string("audience", problems: &problems),
                    scopes: reader.strings("scopes", problems: &problems) ?? []
                )
            }
            if let spec {
                if spec.accessToken == nil, spec.refreshToken == nil {
                    problems.add(pointer, "an oauth2 scheme needs 'access_token' or 'refresh_token'")
                }
                kind = .oauth2(spec)
            }
        case "oauth1":
            let consumerKey = reader.template("consumer_key", required: true, problems: &problems)
            let privateKey = reader.template("private_key", required: true, problems: &problems)
            let token = reader.template("token", required: true, problems: &problems)
            let requestTokenURL = reader.template("request_token_url", required: true, problems: &problems)
            let authorizeURL = reader.template("authorize_url", required: true, problems: &problems)
            let accessTokenURL = reader.template("access_token_url", required: true, problems: &problems)
            if let consumerKey, let privateKey, let token, let requestTokenURL, let authorizeURL, let accessTokenURL {
                kind = .oauth1(OAuth1Spec(
                    consumerKey: consumerKey, privateKey: privateKey, token: token,
                    requestTokenURL: requestTokenURL, authorizeURL: authorizeURL, accessTokenURL: accessTokenURL
                ))
            }
        case let other?:
            problems.add(pointer.appending("type"), "unknown auth type '\(other)'; expected none, basic, bearer, api_key, cookie, oauth2 or oauth1")
        case nil:
            break
        }
        reader.reportUnknownFields(&problems)
        guard let kind else { return nil }
        let fieldNames = Set(fields.map(\.name))
        for template in kind.templates {
            checkPlaceholders(template, declared: fieldNames, what: "credential field", at: pointer, problems: &problems)
        }
        for template in kind.configTemplates {
            checkPlaceholders(template, declared: configNames, what: "config variable", at: pointer, problems: &problems)
        }
        return AuthScheme(id: id, kind: kind, description: description, fields: fields, baseURL: baseURL)
    }

    static func decodeHeaders(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [(name: String, value: Template)] {
        guard let reader = ObjectReader(json, at: pointer, what: "'headers'", problems: &problems) else { return [] }
        return reader.object.compactMap { member in
            guard let text = member.value.stringValue else {
                problems.add(pointer.appending(member.key), "header '\(member.key)' must be a string template")
                return nil
            }
            if member.key.isEmpty || member.key.contains(where: { $0 == ":" || $0.isWhitespace || $0.isNewline }) {
                problems.add(pointer.appending(member.key), "'\(member.key)' is not a valid header name")
            }
            return problems.template(text, at: pointer.appending(member.key)).map { (member.key, $0) }
        }
    }

    // MARK: Entities

    private static func decodeEntities(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [Entity] {
        guard let reader = ObjectReader(json, at: pointer, what: "'entities'", problems: &problems) else { return [] }
        reader.reportDuplicateKeys(what: "entity", &problems)
        if reader.object.isEmpty { problems.add(pointer, "a connector needs at least one entity") }
        var exports: [String: JSONValue] = [:]
        let entities = reader.object.compactMap { member -> Entity? in
            let entityPointer = pointer.appending(member.key)
            checkName(member.key, what: "entity", at: entityPointer, problems: &problems)
            guard var entityReader = ObjectReader(member.value, at: entityPointer, what: "an entity", problems: &problems) else { return nil }
            let description = entityReader.string("description", required: true, problems: &problems) ?? ""
            let keywords = decodeKeywords(&entityReader, problems: &problems)
            var actions: [Action] = []
            if let actionsJSON = entityReader.value("actions"),
               let actionsReader = ObjectReader(actionsJSON, at: entityPointer.appending("actions"), what: "'actions'", problems: &problems) {
                actionsReader.reportDuplicateKeys(what: "action", &problems)
                if actionsReader.object.isEmpty { problems.add(entityPointer.appending("actions"), "an entity needs at least one action") }
                for action in actionsReader.object {
                    let actionPointer = entityPointer.appending("actions").appending(action.key)
                    if let decoded = ActionDecoder.decode(action.key, action.value, at: actionPointer, problems: &problems) {
                        actions.append(decoded)
                    }
                }
            } else {
                problems.add(entityPointer, "missing required field 'actions'")
            }
            exports[member.key] = entityReader.value("export")
            entityReader.reportUnknownFields(&problems)
            return Entity(name: member.key, description: description, keywords: keywords, actions: actions, export: nil)
        }
        // Export sections may list or fetch with another entity's actions, so they are read once all are known.
        return entities.map { entity in
            guard let json = exports[entity.name] else { return entity }
            let export = ExportSpecDecoder.decode(json, entity: entity.name, entities: entities, at: pointer.appending(entity.name).appending("export"), problems: &problems)
            return Entity(name: entity.name, description: entity.description, keywords: entity.keywords, actions: entity.actions, export: export)
        }
    }

    // MARK: Shared checks

    static func checkName(_ name: String, what: String, at pointer: JSONPointer, problems: inout ProblemList) {
        if !isValidName(name) {
            problems.add(pointer, "\(what) name '\(name)' must start with a letter and use only letters, digits and '_'")
        }
    }

    static func checkPlaceholders(_ template: Template, declared: Set<String>, what: String, at pointer: JSONPointer, problems: inout ProblemList) {
        if what != "param", !template.transforms.isEmpty {
            problems.add(pointer, "transforms apply only to params; remove '|\(template.transforms[0])'")
        }
        for name in template.placeholders where !declared.contains(name) {
            var message = "placeholder {\(name)} has no matching \(what)"
            if let suggestion = EditDistance.closestMatch(to: name, among: declared.sorted()) {
                message += "; did you mean {\(suggestion)}?"
            }
            problems.add(pointer, message)
        }
    }
}

extension ConfigVariable.ValueType {
    func accepts(_ value: JSONValue) -> Bool {
        switch self {
        case .string: value.stringValue != nil
        case .integer: value.typeName == "integer"
        case .boolean: value.boolValue != nil
        }
    }
}
