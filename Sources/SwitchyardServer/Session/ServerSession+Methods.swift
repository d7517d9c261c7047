import Switchyard

/// The methods the server answers.
extension ServerSession {
    func handle(_ context: RequestContext) async throws(JSONRPCError) -> JSONValue {
        switch context.method {
        case "ping":
            return .object(JSONObject())
        case "version":
            // Answered at once, like ping: it needs no catalog.
            return [
                "name": .string(MCPProtocol.serverName), "version": .string(SwitchyardVersion.current),
                "mcp_protocol_versions": .array((MCPProtocol.modernVersions + MCPProtocol.handshakeVersions).map(JSONValue.string)),
            ]
        case "describe":
            return try describe(context.paramsObject, catalog: try await ready().runtime.catalog)
        case "execute":
            return try await execute(context, state: try await ready())
        case "export":
            return try await export(context, state: try await ready())
        case "search":
            let state = try await ready()
            do throws(ExecutionError) {
                return try searchMatches(context.paramsObject, index: state.searchIndex, view: try state.view())
            } catch {
                throw .invalidParams(error.message, data: error.json)
            }
        case "initialize":
            return initialize(context.paramsObject)
        case "server/discover":
            return discover()
        case "tools/list":
            let listing: JSONValue = ["tools": try Self.view(of: try await ready()).tools.tools, "ttlMs": 0, "cacheScope": "private"]
            return listing.droppingModernFields(unless: context.isModern)
        case "tools/call":
            return try await callTool(context, state: try await ready())
        case "logging/setLevel":
            guard let name = context.paramsObject["level"]?.stringValue, let level = LogLevel(rawValue: name) else {
                throw .invalidParams("'level' must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            context.channel.logLevel.set(level)
            return .object(JSONObject())
        default:
            throw .methodNotFound(context.method)
        }
    }

    // MARK: Native methods

    private func describe(_ params: JSONObject, catalog: ConnectorCatalog) throws(JSONRPCError) -> JSONValue {
        let names = try stringParams(params, optional: ["connector", "entity", "action"], method: "describe")
        do {
            return try CatalogDescription.describe(catalog, connector: names["connector"], entity: names["entity"], action: names["action"])
        } catch {
            throw .invalidParams(error.message, data: error.json)
        }
    }

    private func execute(_ context: RequestContext, state: ServingState) async throws(JSONRPCError) -> JSONValue {
        let request = try executeRequest(context.paramsObject, method: "execute")
        return await run(request, runtime: state.runtime, context: context).json
    }

    // MARK: MCP

    private func initialize(_ params: JSONObject) -> JSONValue {
        let version = MCPProtocol.negotiateHandshake(requested: params["protocolVersion"]?.stringValue)
        return [
            "protocolVersion": .string(version),
            "capabilities": capabilities,
            "serverInfo": MCPProtocol.serverInfo,
            "instructions": .string(MCPProtocol.instructions),
        ]
    }

    private func discover() -> JSONValue {
        [
            "supportedVersions": .array(MCPProtocol.modernVersions.map(JSONValue.string)),
            "capabilities": ["tools": ["listChanged": false]],
            "instructions": .string(MCPProtocol.instructions),
            "ttlMs": 0,
            "cacheScope": "private",
        ]
    }

    private var capabilities: JSONValue {
        ["tools": ["listChanged": false], "logging": [:]]
    }

    private func callTool(_ context: RequestContext, state: ServingState) async throws(JSONRPCError) -> JSONValue {
        let runtime = state.runtime
        let params = context.paramsObject
        guard let name = params["name"]?.stringValue else {
            throw .invalidParams("tools/call needs 'name', the tool to call")
        }
        guard let target = try Self.view(of: state).tools.target(named: name) else {
            throw .invalidParams("unknown tool '\(name)'", data: ["tool": .string(name)])
        }
        let arguments = params["arguments"] ?? .object(JSONObject())
        guard let argumentObject = arguments.objectValue else {
            throw .invalidParams("tools/call 'arguments' must be an object, got \(arguments.typeName)")
        }
        let output: JSONValue
        let isError: Bool
        switch target {
        case .action(let connector, let entity, let action):
            let params = configuration.schemaDialect == .mcp
                ? arguments : dialectArguments(arguments, connector: connector, entity: entity, action: action, catalog: runtime.catalog)
            let envelope = await run(ExecuteRequest(connector: connector, entity: entity, action: action, params: params), runtime: runtime, context: context)
            (output, isError) = (envelope.json, !envelope.isSuccess)
        case .execute:
            do {
                let request = try executeRequest(argumentObject, method: ToolCatalog.executeToolName)
                let envelope = await run(request, runtime: runtime, context: context)
                (output, isError) = (envelope.json, !envelope.isSuccess)
            } catch {
                (output, isError) = (ResultEnvelope.failure(ExecutionError(kind: .validation, message: error.message), meta: [:]).json, true)
            }
        case .describe:
            do {
                (output, isError) = (try describe(argumentObject, catalog: runtime.catalog), false)
            } catch {
                (output, isError) = (ResultEnvelope.failure(ExecutionError(kind: .validation, message: error.message), meta: [:]).json, true)
            }
        case .searchActions:
            let query = argumentObject["query"]?.stringValue ?? ""
            let limit = min(max(argumentObject["limit"]?.intValue ?? 10, 1), 50)
            (output, isError) = (CompactTools.search(try Self.view(of: state).catalog, query: query, connector: argumentObject["connector"]?.stringValue, limit: limit), false)
        case .findActions:
            do {
                (output, isError) = (try searchMatches(argumentObject, index: state.searchIndex, view: try state.view()), false)
            } catch {
                (output, isError) = (ResultEnvelope.failure(error, meta: [:]).json, true)
            }
        case .describeAction:
            do {
                let id = try actionID(argumentObject, tool: SearchTools.describeName)
                var described = try CatalogDescription.describe(
                    runtime.catalog, connector: id.connector, entity: id.entity, action: id.action, dialect: configuration.schemaDialect
                ).objectValue ?? JSONObject()
                described["id"] = .string(id.description)
                (output, isError) = (.object(described), false)
            } catch {
                (output, isError) = (ResultEnvelope.failure(error, meta: [:]).json, true)
            }
        case .executeAction:
            do {
                let id = try actionID(argumentObject, tool: SearchTools.executeName)
                var params = argumentObject["params"] ?? .object(JSONObject())
                if configuration.schemaDialect != .mcp {
                    params = dialectArguments(params, connector: id.connector, entity: id.entity, action: id.action, catalog: runtime.catalog)
                }
                let envelope = await run(id.request(params: params), runtime: runtime, context: context)
                (output, isError) = (envelope.json, !envelope.isSuccess)
            } catch {
                (output, isError) = (ResultEnvelope.failure(error, meta: [:]).json, true)
            }
        }
        return toolResult(output, isError: isError)
    }

    /// A tool result: the output as one JSON text item, plus `structuredContent` while that stays small.
    private func toolResult(_ output: JSONValue, isError: Bool) -> JSONValue {
        let text = output.serialized()
        var result: JSONObject = ["content": [["type": "text", "text": .string(text)]], "isError": .bool(isError)]
        if text.utf8.count <= configuration.structuredContentLimit, output.objectValue != nil {
            result["structuredContent"] = output
        }
        return .object(result)
    }

    // MARK: Running actions

    /// The current request's view, its narrowing errors as invalid params.
    private static func view(of state: ServingState) throws(JSONRPCError) -> ServingView {
        do {
            return try state.view()
        } catch {
            throw .invalidParams(error.message, data: error.json)
        }
    }

    /// Executes with progress and log notifications as the request asked for them.
    private func run(_ request: ExecuteRequest, runtime: SwitchyardRuntime, context: RequestContext) async -> ResultEnvelope {
        if RequestNarrowing.current.map({ !$0.isEmpty }) == true {
            do {
                try await ready().view().check(request)
            } catch let error as ExecutionError {
                return .failure(error, meta: [:])
            } catch {
                return .failure(ExecutionError(kind: .config, message: "\(error)"), meta: [:])
            }
        }
        let label = "\(request.connector) \(request.entity) \(request.action)"
        notifyLog(.debug, "executing \(label)", context: context)
        var progress: ProgressHandler?
        if let token = context.progressToken {
            progress = { step in
                let params: JSONValue = [
                    "progressToken": token,
                    "progress": .number(JSONNumber(step.records)),
                    "total": .number(JSONNumber(step.limit)),
                    "message": .string("\(step.records) records from \(step.pages) page\(step.pages == 1 ? "" : "s")"),
                ]
                context.notify("notifications/progress", params)
            }
        }
        let envelope = await runtime.execute(request, progress: progress)
        if let error = envelope.error {
            notifyLog(.warning, "\(label) failed: \(error.kind.rawValue): \(error.message)", context: context)
        } else {
            notifyLog(.info, "\(label) ok", context: context)
        }
        return envelope
    }

    private func notifyLog(_ level: LogLevel, _ message: String, context: RequestContext) {
        guard let threshold = context.logLevel, level >= threshold else { return }
        context.notify("notifications/message", [
            "level": .string(level.rawValue), "logger": "switchyard", "data": .string(message),
        ])
    }

    // MARK: Params

    /// `{"matches": [...]}` for `{query, connector?, limit?}`: the search method and the search_actions tool.
    private func searchMatches(_ params: JSONObject, index: ActionIndex, view: ServingView) throws(ExecutionError) -> JSONValue {
        for member in params where !["query", "connector", "limit", "_meta"].contains(member.key) {
            throw ExecutionError(kind: .validation, message: "search takes query, connector and limit; unknown param '\(member.key)'", details: ["param": .string(member.key)])
        }
        guard let query = params["query"]?.stringValue else {
            throw ExecutionError(kind: .validation, message: "search needs 'query', the task in plain words, e.g. \"move DEMO-5 to done\"", details: ["param": "query"])
        }
        let connector = params["connector"]?.stringValue
        if let value = params["connector"], connector == nil, !value.isNull {
            throw ExecutionError(kind: .validation, message: "search param 'connector' must be a string, got \(value.typeName)", details: ["param": "connector"])
        }
        var limit = 5
        if let value = params["limit"], !value.isNull {
            guard let number = value.intValue, value.typeName == "integer" else {
                throw ExecutionError(kind: .validation, message: "search param 'limit' must be an integer, got \(value.displayText)", details: ["param": "limit"])
            }
            limit = number
        }
        var matches = try index.search(query, connector: connector, limit: view.narrowed ? max(limit * 4, 20) : limit)
        if view.narrowed {
            matches = Array(matches.filter { match in
                (try? view.catalog.resolve(ExecuteRequest(connector: match.id.connector, entity: match.id.entity, action: match.id.action, params: [:]))) != nil
            }.prefix(limit))
        }
        return ["matches": .array(matches.map(\.json))]
    }

    /// The action a search-mode tool names in its `id`.
    private func actionID(_ params: JSONObject, tool: String) throws(ExecutionError) -> ActionID {
        guard let text = params["id"]?.stringValue else {
            throw ExecutionError(kind: .validation, message: "\(tool) needs 'id', an action id from search_actions, e.g. jira/issues/get", details: ["param": "id"])
        }
        return try ActionID.parse(text)
    }

    /// Arguments made in the server's schema dialect, in the form the action's schema validates.
    private func dialectArguments(_ arguments: JSONValue, connector: String, entity: String, action: String, catalog: ConnectorCatalog) -> JSONValue {
        guard let (_, model) = try? catalog.resolve(ExecuteRequest(connector: connector, entity: entity, action: action)) else { return arguments }
        return configuration.schemaDialect.normalize(arguments, declared: model.params.json)
    }

    private func executeRequest(_ params: JSONObject, method: String) throws(JSONRPCError) -> ExecuteRequest {
        var object = params
        object["_meta"] = nil
        do {
            return try ExecuteRequest(json: .object(object))
        } catch {
            throw .invalidParams("\(method): \(error.message)")
        }
    }

    private func stringParams(_ params: JSONObject, optional names: [String], method: String) throws(JSONRPCError) -> [String: String] {
        var values: [String: String] = [:]
        for member in params where member.key != "_meta" {
            guard names.contains(member.key) else {
                throw .invalidParams("\(method) takes \(names.joined(separator: ", ")); unknown param '\(member.key)'")
            }
            guard let text = member.value.stringValue else {
                throw .invalidParams("\(method) param '\(member.key)' must be a string, got \(member.value.typeName)")
            }
            values[member.key] = text
        }
        return values
    }
}

extension JSONValue {
    /// Removes the stateless-revision cache fields from a result answered in the handshake era.
    func droppingModernFields(unless modern: Bool) -> JSONValue {
        guard !modern, case .object(var object) = self else { return self }
        object["ttlMs"] = nil
        object["cacheScope"] = nil
        return .object(object)
    }
}
