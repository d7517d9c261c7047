import Testing
@testable import Switchyard

/// A manifest with a paginated `list`, a single-read `get` and a write `create`, whose `things` entity has
/// the export section `export`.
private func exportManifest(_ export: JSONValue) -> JSONValue {
    let get: JSONValue = [
        "description": "Get a thing.", "params": ["type": "object", "properties": ["thing_id": ["type": "string"]], "required": ["thing_id"]],
        "request": ["method": "GET", "path": "/things/{thing_id}"],
    ]
    let list: JSONValue = [
        "description": "List things.", "params": ["type": "object", "properties": ["q": ["type": "string"]]],
        "request": ["method": "GET", "path": "/things", "query": ["q": "{q}"]],
        "response": ["records": "items", "pagination": ["kind": "offset", "offset_param": "start", "limit_param": "limit", "page_size": 50]],
    ]
    let create: JSONValue = [
        "description": "Create a thing.", "params": ["type": "object", "properties": ["name": ["type": "string"]]],
        "request": ["method": "POST", "path": "/things", "body": ["name": "{name}"]],
    ]
    return [
        "name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.",
        "base_url": "https://demo.example.com",
        "entities": ["things": ["description": "Things.", "actions": ["list": list, "get": get, "create": create], "export": export]],
    ]
}

private let validExport: JSONValue = [
    "description": "Things as documents.",
    "list": ["action": "list", "params": ["q": "{query}"]],
    "selectors": ["name": ["description": "A name.", "clause": "name = {value}"]],
    "document": ["id": "/id", "title": "/name", "url": "{base_url}/things/{/id}"],
]

private func replacing(_ key: String, with value: JSONValue, in export: JSONValue = validExport) -> JSONValue {
    var object = export.objectValue ?? JSONObject()
    object[key] = value
    return .object(object)
}

@Suite("Manifest export sections")
struct ExportManifestTests {
    private let base = "/entities/things/export"

    @Test("A complete export section decodes")
    func validSection() throws {
        let manifest = try ManifestDecoder.decode(exportManifest(validExport), source: "demo.json")
        let spec = try #require(manifest.entity("things")?.export)
        #expect(spec.list.action == "list")
        #expect(spec.selectors.map(\.name) == ["name"])
        #expect(spec.document.url.render(record: ["id": 7], variables: ["base_url": "https://x"]) == "https://x/things/7")
    }

    @Test("A listing action that does not exist is named with a suggestion")
    func unknownListAction() {
        let problems = manifestProblems(exportManifest(replacing("list", with: ["action": "lst", "params": ["q": "{query}"]])))
        #expect(hasProblem(problems, base + "/list/action", "'lst' names no action of entity 'things'; did you mean 'list'?"), "\(problems)")
    }

    @Test("A listing action without pagination, and a write action, are refused")
    func listMustBePaginatedAndReadOnly() {
        let unpaginated = manifestProblems(exportManifest(replacing("list", with: ["action": "get", "params": ["thing_id": "{query}"]])))
        #expect(hasProblem(unpaginated, base + "/list/action", "must be paginated"), "\(unpaginated)")
        let write = manifestProblems(exportManifest(replacing("fetch", with: ["action": "create", "params": ["name": "{/id}"]])))
        #expect(hasProblem(write, base + "/fetch/action", "only use read-only actions"), "\(write)")
    }

    @Test("A param the action does not declare is named at its pointer")
    func undeclaredParam() {
        let problems = manifestProblems(exportManifest(replacing("list", with: ["action": "list", "params": ["query": "{query}"]])))
        #expect(hasProblem(problems, base + "/list/params/query", "'query' is not a param of 'list'"), "\(problems)")
    }

    @Test("Placeholders are checked per place: {value} in clauses, {since} in since, record paths in fetch")
    func placeholders() {
        let clause = manifestProblems(exportManifest(replacing("selectors", with: ["name": ["description": "A name.", "clause": "name = {val}"]])))
        #expect(hasProblem(clause, base + "/selectors/name/clause", "unknown placeholder {val}"), "\(clause)")
        let since = manifestProblems(exportManifest(replacing("query", with: ["since": "updated >= now"])))
        #expect(hasProblem(since, base + "/query/since", "must use {since}"), "\(since)")
        let fetch = manifestProblems(exportManifest(replacing("fetch", with: ["action": "get", "params": ["thing_id": "{id}"]])))
        #expect(hasProblem(fetch, base + "/fetch/params/thing_id", "only record paths such as {/id} are allowed here"), "\(fetch)")
    }

    @Test("Selectors need a {query} placeholder in the listing params")
    func selectorsNeedQuery() {
        let problems = manifestProblems(exportManifest(replacing("list", with: ["action": "list"])))
        #expect(hasProblem(problems, base + "/list/params", "no listing param uses it"), "\(problems)")
    }

    @Test("Document fields must be JSON pointers, transforms must exist, id and title are required")
    func documentMapping() {
        let document: JSONValue = ["title": "name", "url": "{base_url}/x", "text": ["path": "/body", "transform": "adf_to_markdwn"]]
        let problems = manifestProblems(exportManifest(replacing("document", with: document)))
        #expect(hasProblem(problems, base + "/document", "missing required field 'id'"), "\(problems)")
        #expect(hasProblem(problems, base + "/document/title", "'name' is not a JSON pointer"), "\(problems)")
        #expect(hasProblem(problems, base + "/document/text/transform", "did you mean 'adf_to_markdown'?"), "\(problems)")
    }

    @Test("An unknown field in the section is reported with a suggestion")
    func unknownField() {
        let problems = manifestProblems(exportManifest(replacing("selector", with: [:])))
        #expect(hasProblem(problems, base + "/selector", "did you mean 'selectors'?"), "\(problems)")
    }

    @Test("The bundled Jira and Confluence manifests export issues and pages")
    func bundledManifests() {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        #expect(catalog.problems.isEmpty)
        for (connector, entity, selectors) in [
            ("jira", "issues", ["jql"]), ("jira-datacenter", "issues", ["jql"]),
            ("confluence", "pages", ["cql", "space_key", "label", "page_ids"]), ("confluence-datacenter", "pages", ["cql", "space_key", "label", "page_ids"]),
        ] {
            let spec = catalog.connector(connector)?.entity(entity)?.export
            #expect(spec?.selectors.map(\.name) == selectors, "\(connector) \(entity)")
            #expect(spec?.query.since != nil, "\(connector) \(entity) can run incrementally")
        }
    }

    @Test("deletions need query.since, a pointer for the id and params of the listing action")
    func deletionsAreChecked() throws {
        let withSince = replacing("query", with: ["since": "updated >= {since}"])
        let manifest = try ManifestDecoder.decode(
            exportManifest(replacing("deletions", with: ["id": "/id", "params": ["q": "ids"], "page_size": 500], in: withSince)), source: "demo.json"
        )
        let deletions = try #require(manifest.entity("things")?.export?.deletions)
        #expect(deletions.pageSize == 500)
        #expect(deletions.params["q"] == "ids")

        let noSince = manifestProblems(exportManifest(replacing("deletions", with: ["id": "/id"])))
        #expect(hasProblem(noSince, base + "/deletions", "the export needs query.since"), "\(noSince)")
        let badParts = manifestProblems(exportManifest(replacing("deletions", with: ["id": "id", "params": ["nope": 1]], in: withSince)))
        #expect(hasProblem(badParts, base + "/deletions/id", "is not a JSON pointer"), "\(badParts)")
        #expect(hasProblem(badParts, base + "/deletions/params/nope", "'nope' is not a param of the listing action 'list'"), "\(badParts)")
    }
}
