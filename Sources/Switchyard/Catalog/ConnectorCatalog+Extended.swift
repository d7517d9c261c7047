import Foundation

extension ConnectorCatalog {
    /// Loads the manifests of `directories` in order, then, at ``CatalogLevel/extended``, each directory's
    /// companion catalogues (`extended/*.json`) into the connectors they name. `decoding` is as in
    /// ``load(directories:decoding:)``; a companion is decoded at once, with the connector it extends.
    public static func load(directories: [String], level: CatalogLevel, decoding: [String: ManifestDecoding] = [:]) -> ConnectorCatalog {
        var catalog = load(directories: directories, decoding: decoding)
        guard level == .extended else { return catalog }
        for directory in directories {
            let companions = (NSString(string: directory).expandingTildeInPath as NSString).appendingPathComponent(CatalogLevel.companionDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: companions, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for file in manifestFiles(in: companions, problems: &catalog.problems) {
                catalog.extend(file: file)
            }
        }
        return catalog
    }

    /// Adds the actions of a companion manifest to the loaded connector of the same name; on failure
    /// records the problem and leaves the catalog as it was.
    ///
    /// Only the companion's entities are taken; the connector keeps its own base URL, config and auth, so
    /// the same credentials serve both. A companion action whose method and path (placeholders aside)
    /// match a curated action's is dropped, an entity whose name is taken gets the suffix `_api` (`_api2`, …), and
    /// the companion's entities form the connector's ``CatalogLevel/toolsetName`` toolset.
    public mutating func extend(file: String) {
        let companion: ConnectorManifest
        do {
            companion = try ManifestDecoder.decode(file: file)
        } catch {
            problems += error.problems
            return
        }
        guard let index = connectors.firstIndex(where: { $0.name == companion.name }) else {
            problems.append(ManifestProblem(
                file: file, pointer: JSONPointer(tokens: ["name"]),
                message: "companion catalogue extends connector '\(companion.name)', which is not loaded; loaded: \(connectors.map(\.name).joined(separator: ", "))"
            ))
            return
        }
        connectors[index] = connectors[index].extended(with: companion)
    }
}

extension ConnectorManifest {
    /// This connector plus the companion's actions that no curated action already covers.
    func extended(with companion: ConnectorManifest) -> ConnectorManifest {
        var covered = Set(entities.flatMap { $0.actions.map(Self.operationKey) })
        var names = Set(entities.map(\.name))
        var added: [Entity] = []
        for entity in companion.entities {
            let actions = entity.actions.filter { covered.insert(Self.operationKey($0)).inserted }
            guard !actions.isEmpty else { continue }
            var name = entity.name
            var copy = 1
            while names.contains(name) {
                name = "\(entity.name)_api\(copy == 1 ? "" : String(copy))"
                copy += 1
            }
            names.insert(name)
            added.append(Entity(name: name, description: entity.description, keywords: entity.keywords, actions: actions, export: entity.export, generated: true))
        }
        guard !added.isEmpty else { return self }
        // A second companion of the same connector adds to the toolset the first one made.
        let earlier = toolsets.first { $0.name == CatalogLevel.toolsetName }?.patterns ?? []
        let toolset = Toolset(
            name: CatalogLevel.toolsetName, description: "Every other operation of the API, generated from its OpenAPI description.",
            patterns: earlier + added.map { "\($0.name).*" }
        )
        return ConnectorManifest(
            name: name, title: title, version: version, description: description, documentation: documentation,
            config: config, baseURL: baseURL, auth: auth, headers: headers, entities: entities + added, synonyms: synonyms,
            retry: retry, rateLimit: rateLimit, transport: transport,
            toolsets: toolsets.filter { $0.name != CatalogLevel.toolsetName } + [toolset], deployment: deployment, scope: scope, source: source
        )
    }

    /// `GET /rest/api/3/issue/{}`: the method and the path with each placeholder emptied, so the same
    /// operation matches whatever its params are called.
    static func operationKey(_ action: Action) -> String {
        var path = ""
        var inPlaceholder = false
        for character in action.request.path.source {
            switch character {
            case "{":
                inPlaceholder = true
                path.append("{")
            case "}":
                inPlaceholder = false
                path.append("}")
            default:
                if !inPlaceholder { path.append(character) }
            }
        }
        return "\(action.request.method.rawValue) \(path)"
    }
}
