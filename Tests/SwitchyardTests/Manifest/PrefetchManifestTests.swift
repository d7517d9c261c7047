import Testing
@testable import Switchyard

@Suite("Manifest checks: prefetch")
struct PrefetchManifestTests {
    static let updateParams: JSONValue = [
        "type": "object",
        "properties": ["id": ["type": "string"], "version": ["type": "integer"], "title": ["type": "string"]],
        "required": ["id", "title"],
    ]

    static func update(prefetch: JSONValue, params: JSONValue = updateParams) -> JSONValue {
        demoManifest(action: [
            "description": "Update.", "params": params, "prefetch": prefetch,
            "request": ["method": "PUT", "path": "/things/{id}", "body": ["title": "{title}", "version": "{version}"]],
        ])
    }

    static let prefetch = "/entities/things/actions/act/prefetch"

    @Test("a prefetch that reads and fills an optional param decodes")
    func validPrefetch() throws {
        let json = Self.update(prefetch: ["request": ["method": "GET", "path": "/things/{id}"], "values": ["version": ["pointer": "/version/number", "add": 1]]])
        let action = try ManifestDecoder.decode(json, source: "demo.json").entities[0].actions[0]
        let prefetch = try #require(action.prefetch)
        #expect(prefetch.values.map(\.param) == ["version"])
        #expect(prefetch.values[0].description == "/version/number + 1")
    }

    @Test("a prefetch that writes, or sends a body, is refused")
    func prefetchOnlyReads() {
        let found = manifestProblems(Self.update(prefetch: [
            "request": ["method": "POST", "path": "/things/{id}", "body": ["x": 1]], "values": ["version": ["pointer": "/version/number"]],
        ]))
        #expect(hasProblem(found, Self.prefetch + "/request/method", "must be GET or HEAD, not POST"))
        #expect(hasProblem(found, Self.prefetch + "/request", "sends no body"))
    }

    @Test("prefetch values must name optional, undefaulted params placed in the request")
    func prefetchValueParams() {
        let params: JSONValue = [
            "type": "object",
            "properties": [
                "id": ["type": "string"], "version": ["type": "integer"], "title": ["type": "string"],
                "mode": ["type": "string", "default": "x"], "unused": ["type": "string"],
            ],
            "required": ["id", "title"],
        ]
        let found = manifestProblems(Self.update(prefetch: [
            "request": ["method": "GET", "path": "/things/{id}"],
            "values": [
                "versoin": ["pointer": "/version/number"], "title": ["pointer": "/title"],
                "mode": ["pointer": "/mode"], "unused": ["pointer": "/x"],
            ],
        ], params: params))
        #expect(hasProblem(found, Self.prefetch + "/values/versoin", "not a declared param; did you mean 'version'?"))
        #expect(hasProblem(found, Self.prefetch + "/values/title", "is required, so the prefetch would never fill it"))
        #expect(hasProblem(found, Self.prefetch + "/values/mode", "has a default"))
        #expect(hasProblem(found, Self.prefetch + "/values/unused", "placed nowhere in the request"))
    }

    @Test("a bad pointer, a non-integer add, a missing values and a prefetch using what it fills are reported")
    func prefetchShape() {
        let found = manifestProblems(Self.update(prefetch: [
            "request": ["method": "GET", "path": "/things/{id}"],
            "values": ["version": ["pointer": "version.number", "add": 1.5]],
        ]))
        #expect(hasProblem(found, Self.prefetch + "/values/version/pointer", "must be a JSON pointer"))
        #expect(hasProblem(found, Self.prefetch + "/values/version/add", "must be an integer"))
        let circular = manifestProblems(Self.update(prefetch: [
            "request": ["method": "GET", "path": "/things/{id}", "query": ["v": "{version}"]], "values": ["version": ["pointer": "/version/number"]],
        ]))
        #expect(hasProblem(circular, Self.prefetch + "/request", "cannot use {version}"))
        let noValues = manifestProblems(Self.update(prefetch: ["request": ["method": "GET", "path": "/things/{id}"]]))
        #expect(hasProblem(noValues, Self.prefetch, "missing required field 'values'"))
        let badPlaceholder = manifestProblems(Self.update(prefetch: ["request": ["method": "GET", "path": "/things/{ident}"], "values": ["version": ["pointer": "/v"]]]))
        #expect(hasProblem(badPlaceholder, Self.prefetch + "/request/path", "placeholder {ident} has no matching param"))
    }
}
