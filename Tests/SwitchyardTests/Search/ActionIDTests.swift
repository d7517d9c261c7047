import Testing
@testable import Switchyard

@Suite("Action ids")
struct ActionIDTests {
    @Test("an id prints as connector/entity/action and parses back", arguments: [
        "jira/issues/get", "jira-datacenter/issue_links/link_types", "confluence-datacenter/pages/create",
    ])
    func roundTrip(text: String) throws {
        let id = try ActionID.parse(text)
        #expect(id.description == text)
        #expect(ActionID(id.description) == id)
    }

    @Test("the parts are the connector, entity and action")
    func parts() throws {
        let id = try ActionID.parse("jira-datacenter/issue_links/create")
        #expect(id == ActionID(connector: "jira-datacenter", entity: "issue_links", action: "create"))
        #expect(id.request(params: ["issue": "DEMO-1"]).entity == "issue_links")
    }

    @Test("text that is not three valid names is a validation error", arguments: [
        "", "jira/issues", "jira/issues/get/extra", "jira//get", "Jira/issues/get", "jira/issues/get me", "jira.issues.get",
    ])
    func invalid(text: String) throws {
        #expect(ActionID(text) == nil)
        let error = try #require(throws: ExecutionError.self) { try ActionID.parse(text) }
        #expect(error.kind == .validation)
        #expect(error.message.contains("connector/entity/action"))
    }
}
