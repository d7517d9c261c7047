import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardImport

@Suite("OpenAPI import of hand-written specs")
struct OpenAPIImportTests {
    @Test("a 3.0 YAML description becomes a valid manifest with entities from tags and short action names")
    func yaml30Imports() throws {
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml")
        let manifest = try ManifestDecoder.decode(result.manifest, source: "petstore")
        #expect(manifest.name == "pet-store")
        let actions = manifest.entities.flatMap { entity in entity.actions.map { "\(entity.name).\($0.name)" } }
        #expect(actions == ["pets.list", "pets.create", "pets.get", "pets.delete"])
        #expect(result.report.skipped.isEmpty)
        #expect(result.manifest["base_url"] == "https://{region}.pets.example.com/v1")
        #expect(result.manifest["config"]?["region"]?["default"] == "eu")
        #expect(result.manifest["description"] == "A pet store. See the docs for more.")
    }

    @Test("a path prefix goes before every path, so a base URL can leave out the server's path part")
    func pathPrefix() throws {
        var options = ImportOptions()
        options.baseURL = "https://pets.example.com"
        options.pathPrefix = "/v1"
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml", options: options)
        #expect(result.manifest["base_url"] == "https://pets.example.com")
        #expect(ImportFixtures.action("pets.get", in: result.manifest)?["request"]?["path"] == "/v1/pets/{pet_id}")
        #expect(ImportFixtures.action("pets.list", in: result.manifest)?["request"]?["path"] == "/v1/pets")
        _ = try ManifestDecoder.decode(result.manifest, source: "petstore")
        for bad in ["v1", "/v1/", "/{version}", "/v1?x=1"] {
            options.pathPrefix = bad
            #expect(throws: ImportError.self, "\(bad)") { try ImportFixtures.importFixture("petstore-3.0.yaml", options: options) }
            do {
                _ = try ImportFixtures.importFixture("petstore-3.0.yaml", options: options)
            } catch {
                #expect(error.message.contains("path prefix '\(bad)' must start with '/'"), "\(error)")
            }
        }
    }

    @Test("params keep their placement, wire names and array style; reserved names get the connector's prefix")
    func paramsKeepPlacement() throws {
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml", options: { var o = ImportOptions(); o.name = "pets"; return o }())
        let list = try #require(ImportFixtures.action("pets.list", in: result.manifest))
        #expect(list["request"]?["query"]?["tags"] == ["value": "{tags}", "arrays": "comma"])
        #expect(list["request"]?["query"]?["fields"] == "{pets_fields}")
        #expect(list["request"]?["headers"]?["X-Request-Id"] == "{x_request_id}")
        #expect(list["params"]?["properties"]?["pets_fields"] != nil)
        #expect(list["response"]?["pagination"]?["kind"] == "page_number")
        #expect(list["response"]?["pagination"]?["page_size"] == 50)
        #expect(list["response"]?["records"] == "data")
        #expect(list["params"]?["properties"]?["page"] == nil)

        let get = try #require(ImportFixtures.action("pets.get", in: result.manifest))
        #expect(get["request"]?["path"] == "/pets/{pet_id}")
        #expect(get["params"]?["required"] == ["pet_id"])
        #expect(get["safety"] == ["read_only": true, "idempotent": true, "destructive": false])
        let delete = try #require(ImportFixtures.action("pets.delete", in: result.manifest))
        #expect(delete["safety"] == ["read_only": false, "idempotent": true, "destructive": true])
    }

    @Test("a JSON body's properties become params; nullable becomes a type array; allOf is merged")
    func jsonBodyBecomesParams() throws {
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml", options: { var o = ImportOptions(); o.name = "pets"; return o }())
        let create = try #require(ImportFixtures.action("pets.create", in: result.manifest))
        #expect(create["request"]?["body"] == ["name": "{name}", "nickname": "{nickname}", "limit": "{pets_limit}"])
        #expect(create["params"]?["required"] == ["name"])
        #expect(create["params"]?["properties"]?["nickname"]?["type"] == ["string", "null"])
        #expect(create["scopes"] == ["write:pets"])
        let get = try #require(ImportFixtures.action("pets.get", in: result.manifest))
        #expect(get["scopes"] == nil)
    }

    @Test("security schemes become auth schemes with their URLs and scopes")
    func securitySchemesBecomeAuth() throws {
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml")
        let schemes = try #require(result.manifest["auth"]?["schemes"])
        #expect(schemes["api_key"]?["type"] == "api_key")
        #expect(schemes["api_key"]?["name"] == "X-API-Key")
        #expect(schemes["basic_auth"]?["type"] == "basic")
        #expect(schemes["oauth"]?["token_url"] == "https://auth.example.com/token")
        #expect(schemes["oauth"]?["scopes"] == ["read:pets", "write:pets"])
        #expect(schemes["api_key"]?["fields"]?["api_key"]?["env"] == ["PET_STORE_API_KEY"])
    }

    @Test("a schema that refers to itself is cut where it repeats, with a description saying so")
    func recursiveSchemasAreCut() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let update = try #require(ImportFixtures.action("nodes.put_by_id", in: result.manifest))
        let children = try #require(update["params"]?["properties"]?["children"])
        #expect(children["type"] == "array")
        let cut = try #require(children["items"])
        #expect(cut["type"] == "object")
        #expect(cut["description"]?.stringValue?.contains("refers to itself") == true)
    }

    @Test("an enum of more than 50 values is described, not enforced")
    func hugeEnumsAreDescribed() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let list = try #require(ImportFixtures.action("nodes.list", in: result.manifest))
        let colour = try #require(list["params"]?["properties"]?["colour"])
        #expect(colour["enum"] == nil)
        #expect(colour["description"]?.stringValue?.hasPrefix("One of 60 values, e.g. c01") == true)
    }

    @Test("operations without an operationId are named from method and path; duplicate names get the full name or the method")
    func namesAreDerivedAndUnique() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let ids = result.report.imported.compactMap(\.actionID)
        #expect(ids.contains("nodes.get_by_id"))
        #expect(ids.contains("nodes.put_by_id"))
        #expect(ids.contains("nodes.list"))
        #expect(ids.contains("nodes.list_nodes"))
        #expect(Set(ids).count == ids.count)
        let again = try ImportFixtures.importFixture("hostile-3.1.json")
        #expect(again.manifest == result.manifest)
    }

    @Test("every operation is in the report; unsupported methods, media types and broken references are skipped with a reason")
    func everyOperationIsReported() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let raw = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: ImportFixtures.path("hostile-3.1.json"))))
        #expect(result.report.entries.count == ImportFixtures.operationCount(raw))
        let reasons = Dictionary(uniqueKeysWithValues: result.report.skipped.map { ("\($0.method) \($0.path)", $0.skipReason ?? "") })
        #expect(reasons["OPTIONS /nodes/{id}"]?.contains("not supported") == true)
        #expect(reasons["POST /notes"]?.contains("text/plain") == true)
        #expect(reasons["PUT /notes"]?.contains("#/components/requestBodies/Nowhere") == true)
        #expect(reasons.count == 3)
        #expect(result.report.notes.contains { $0.contains("#/components/schemas/Missing") })
        #expect(result.report.missingDescriptions.contains("nodes.put_by_id"))
        _ = try ManifestDecoder.decode(result.manifest, source: "hostile")
    }

    @Test("control param names in the query are renamed and a cursor with _links.next becomes next_link pagination")
    func controlParamsAndCursorPagination() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let list = try #require(ImportFixtures.action("nodes.list", in: result.manifest))
        #expect(list["response"]?["pagination"] == ["kind": "next_link", "next": "_links.next", "limit_param": "limit", "page_size": 50])
        #expect(list["response"]?["records"] == "results")
        let create = try #require(ImportFixtures.action("nodes.list_nodes", in: result.manifest))
        // `name` is both a query param and a body property, so the body is one `body` param.
        #expect(create["request"]?["body"] == "{body}")
        #expect(create["request"]?["query"]?["name"] == "{name}")
    }

    @Test("multipart and form bodies use the manifest's body kinds")
    func multipartAndFormBodies() throws {
        let result = try ImportFixtures.importFixture("hostile-3.1.json")
        let upload = try #require(result.report.imported.first { $0.operationID == "uploadFile" }?.actionID)
        let action = try #require(ImportFixtures.action(upload, in: result.manifest))
        #expect(action["request"]?["multipart"]?["file"]?["content"] == "{file}")
        #expect(action["request"]?["multipart"]?["comment"] == "{comment}")
        #expect(action["params"]?["required"] == ["file_filename", "file"])
        let login = try #require(result.report.imported.first { $0.operationID == "login" }?.actionID)
        #expect(ImportFixtures.action(login, in: result.manifest)?["request"]?["form"] == ["user": "{user}", "password": "{password}"])
    }

    @Test("a YAML syntax error is a structured error, not a crash")
    func yamlSyntaxError() {
        do {
            _ = try ImportFixtures.importFixture("broken-syntax.yaml")
            Issue.record("a broken YAML file was imported")
        } catch {
            #expect(error.file.hasSuffix("broken-syntax.yaml"))
            #expect(error.message.contains("YAML"))
        }
    }

    @Test("Swagger 2.0 is refused with a message saying so")
    func swagger2IsRefused() {
        do {
            _ = try ImportFixtures.importFixture("swagger-2.0.json")
            Issue.record("a Swagger 2.0 file was imported")
        } catch {
            #expect(error.pointer.description == "/swagger")
            #expect(error.message.contains("Swagger 2.0 is not supported"))
        }
    }

    @Test("--include and --exclude select by tag, operationId and path glob")
    func selection() throws {
        var options = ImportOptions()
        options.include = ["Pets"]
        options.exclude = ["deletePet", "/pets/*/nothing"]
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml", options: options)
        #expect(result.report.imported.compactMap(\.actionID) == ["pets.list", "pets.create", "pets.get"])
        #expect(result.report.skipped.first?.skipReason == "excluded by --exclude deletePet")
        options.include = ["/pets/{petId}"]
        options.exclude = []
        let byPath = try ImportFixtures.importFixture("petstore-3.0.yaml", options: options)
        #expect(byPath.report.imported.compactMap(\.actionID) == ["pets.get", "pets.delete"])
    }

    @Test("overrides replace, add and remove members by JSON pointer")
    func overridesApply() throws {
        var options = ImportOptions()
        options.overrides = try ManifestOverrides([
            "/entities/pets/actions/get/description": "Fetch one pet by id.",
            "/entities/pets/actions/get/response/fields": ["id", "name"],
            "/entities/pets/actions/delete": nil,
        ])
        let result = try ImportFixtures.importFixture("petstore-3.0.yaml", options: options)
        #expect(ImportFixtures.action("pets.get", in: result.manifest)?["description"] == "Fetch one pet by id.")
        #expect(ImportFixtures.action("pets.get", in: result.manifest)?["response"]?["fields"] == ["id", "name"])
        #expect(ImportFixtures.action("pets.delete", in: result.manifest) == nil)
    }

    @Test("descriptions are condensed: links to text, HTML stripped, whitespace collapsed, cut at a word")
    func descriptionsAreCondensed() {
        #expect(DescriptionText.condense("See  [the <i>docs</i>](https://x.y)\n for &amp; more.", limit: 300) == "See the docs for & more.")
        let long = String(repeating: "word ", count: 100)
        let cut = DescriptionText.condense(long, limit: 50)
        #expect(cut.count <= 50)
        #expect(cut.hasSuffix("word…"))
    }

    @Test("names: snake_case and the entity's words taken out of the operationId")
    func naming() {
        #expect(ImportNaming.snakeCase("getJQLAutocomplete") == "get_jql_autocomplete")
        #expect(ImportNaming.snakeCase("X-Request-Id") == "x_request_id")
        #expect(ImportNaming.actionName(operationID: "getIssue", entity: "issues") == "get")
        #expect(ImportNaming.actionName(operationID: "searchForIssuesUsingJql", entity: "issue_search") == "search_using_jql")
        #expect(ImportNaming.actionName(operationID: "getAllDashboards", entity: "dashboards") == "get_all")
        #expect(ImportNaming.entityName(tags: [], path: "/rest/api/3/issue/{id}") == "issue")
    }
}
