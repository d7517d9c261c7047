import Testing
@testable import Switchyard

@Suite("Manifest checks")
struct ManifestDecoderTests {
    /// A minimal valid manifest; each test breaks one thing in it.
    static func manifest(action: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
        var object: JSONObject = [
            "name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.",
            "base_url": "https://demo.example.com",
            "entities": ["things": ["description": "Things.", "actions": ["get": action]]],
        ]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    static let validAction: JSONValue = [
        "description": "Get a thing.",
        "params": ["type": "object", "properties": ["id": ["type": "string", "description": "Id."]], "required": ["id"]],
        "request": ["method": "GET", "path": "/things/{id}"],
    ]

    private func problems(_ json: JSONValue) -> [ManifestProblem] {
        do {
            _ = try ManifestDecoder.decode(json, source: "demo.json")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a valid manifest decodes with the control params added")
    func validManifestDecodes() throws {
        let manifest = try ManifestDecoder.decode(Self.manifest(action: Self.validAction), source: "demo.json")
        let action = try #require(manifest.entity("things")?.action("get"))
        #expect(action.safety == ActionSafety(readOnly: true, idempotent: true, destructive: false))
        #expect(action.params.propertyNames.contains("fields"))
        #expect(!action.params.propertyNames.contains("limit"))
    }

    @Test("an unknown field is named with its pointer and a suggestion")
    func unknownFieldIsReported() {
        var action = Self.validAction.objectValue!
        action["descripton"] = "typo"
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.pointer.description == "/entities/things/actions/get/descripton" && $0.message.contains("did you mean 'description'") })
    }

    @Test("a path placeholder without a param is reported")
    func placeholderWithoutParamIsReported() {
        var action = Self.validAction.objectValue!
        action["request"] = ["method": "GET", "path": "/things/{idd}/x/{id}"]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.pointer.description == "/entities/things/actions/get/request/path" && $0.message.contains("{idd}") && $0.message.contains("did you mean {id}") })
    }

    @Test("a required param placed nowhere is reported")
    func requiredParamPlacedNowhere() {
        var action = Self.validAction.objectValue!
        action["params"] = ["type": "object", "properties": ["id": ["type": "string"], "other": ["type": "string"]], "required": ["id", "other"]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.message.contains("required param 'other' is placed nowhere") })
    }

    @Test("an optional path param is reported")
    func optionalPathParamIsReported() {
        var action = Self.validAction.objectValue!
        action["params"] = ["type": "object", "properties": ["id": ["type": "string"]]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.message.contains("path placeholder {id} must be a required param") })
    }

    @Test("an invalid param schema is reported with its pointer")
    func invalidSchemaIsReported() {
        var action = Self.validAction.objectValue!
        action["params"] = ["type": "object", "properties": ["id": ["type": "strng"]], "required": ["id"]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.pointer.description.hasPrefix("/entities/things/actions/get/params/properties/id") })
    }

    @Test("a duplicate action is reported")
    func duplicateActionIsReported() throws {
        let text = """
            {"name":"demo","title":"Demo","version":"1","description":"d","base_url":"https://x.example.com",
             "entities":{"things":{"description":"T","actions":{
               "get":{"description":"a","request":{"method":"GET","path":"/a"}},
               "get":{"description":"b","request":{"method":"GET","path":"/b"}}}}}}
            """
        let found = problems(try JSONValue(parsing: text))
        #expect(found.contains { $0.pointer.description == "/entities/things/actions/get" && $0.message == "duplicate action 'get'" })
    }

    @Test("a pagination kind missing its fields is reported")
    func paginationMissingFieldsIsReported() {
        var action = Self.validAction.objectValue!
        action["response"] = ["pagination": ["kind": "token", "page_size": 10]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.pointer.description == "/entities/things/actions/get/response/pagination" && $0.message.contains("needs 'token_param'") })
        #expect(found.contains { $0.message.contains("needs 'next_token'") })
    }

    @Test("an unknown pagination kind lists the known ones")
    func unknownPaginationKind() {
        var action = Self.validAction.objectValue!
        action["response"] = ["pagination": ["kind": "cursor", "page_size": 10]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.message.contains("unknown pagination kind 'cursor'") && $0.message.contains("next_link") })
    }

    @Test("reserved param names are refused")
    func reservedParamNamesAreRefused() {
        var action = Self.validAction.objectValue!
        action["params"] = ["type": "object", "properties": ["id": ["type": "string"], "limit": ["type": "integer"]], "required": ["id"]]
        let found = problems(Self.manifest(action: .object(action)))
        #expect(found.contains { $0.pointer.description == "/entities/things/actions/get/params/properties/limit" && $0.message.contains("reserved") })
    }

    @Test("base URL placeholders must be config variables")
    func baseURLPlaceholdersNeedConfig() {
        let found = problems(Self.manifest(action: Self.validAction, extra: [("base_url", "https://{site}.example.com")]))
        #expect(found.contains { $0.pointer.description == "/base_url" && $0.message.contains("{site}") })
    }

    @Test("auth templates must use declared credential fields")
    func authTemplatesNeedFields() {
        let auth: JSONValue = ["schemes": ["token": [
            "type": "bearer", "description": "Token.", "fields": ["token": ["description": "T", "env": ["T"]]], "token": "{tokn}",
        ]]]
        let found = problems(Self.manifest(action: Self.validAction, extra: [("auth", auth)]))
        #expect(found.contains { $0.pointer.description == "/auth/schemes/token" && $0.message.contains("{tokn}") })
    }

    @Test("every problem is collected, not just the first")
    func allProblemsAreCollected() {
        let found = problems(["name": "Bad Name", "title": 3, "entities": [:]])
        #expect(found.count >= 5)
        #expect(found.allSatisfy { $0.file == "demo.json" })
    }
}

@Suite("Retry settings")
struct RetrySettingsTests {
    @Test("an action's retry settings override the connector's, which override the runtime's")
    func precedence() {
        var connector = RetrySettings()
        connector.maximumAttempts = 2
        connector.baseDelay = .milliseconds(100)
        var action = RetrySettings()
        action.maximumAttempts = 5
        let policy = RetrySettings.policy(base: RetryPolicy(maximumAttempts: 4, maximumDelay: .seconds(9)), connector: connector, action: action)
        #expect(policy.maximumAttempts == 5)
        #expect(policy.baseDelay == .milliseconds(100))
        #expect(policy.maximumDelay == .seconds(9))
    }
}

@Suite("Action scopes")
struct ActionScopesTests {
    @Test("an action's OAuth scopes are read as they are written")
    func scopesAreRead() throws {
        var action = ManifestDecoderTests.validAction.objectValue ?? JSONObject()
        action["scopes"] = ["read:jira-work", "read:jira-user"]
        let manifest = try ManifestDecoder.decode(ManifestDecoderTests.manifest(action: .object(action)), source: "demo.json")
        #expect(manifest.entities.first?.actions.first?.scopes == ["read:jira-work", "read:jira-user"])
    }

    @Test("a scope with a space is reported at its pointer")
    func scopeWithSpaceIsReported() {
        var action = ManifestDecoderTests.validAction.objectValue ?? JSONObject()
        action["scopes"] = ["read jira"]
        do {
            _ = try ManifestDecoder.decode(ManifestDecoderTests.manifest(action: .object(action)), source: "demo.json")
            Issue.record("a scope with a space was accepted")
        } catch {
            #expect(error.problems.map(\.pointer.description) == ["/entities/things/actions/get/scopes/0"])
        }
    }
}
