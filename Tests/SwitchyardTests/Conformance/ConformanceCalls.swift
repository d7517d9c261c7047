import AtlassianSandbox
import Switchyard

/// The calls the conformance tests make: one or more of every action of `manifests/jira.json` and
/// `manifests/confluence.json`, shared by the request check (``OpenAPIConformanceTests``) and the response
/// check (``ResponseConformanceTests``) so that a new action needs one new line.
enum ConformanceCalls {
    /// One call of an action. `"$name"` string params are replaced by an id captured from an earlier call.
    struct Call {
        let connector: String
        let entity: String
        let action: String
        let params: JSONValue
        /// Saves `data[field]` of a successful result under `name` for later calls.
        var capture: (name: String, field: String)? = nil
    }

    static let accountId = "5b10ac8d82e05b22cc7d4ef5"

    /// Calls covering every action of both Cloud manifests, in an order that leaves the sandbox consistent
    /// (create before update and delete; ids from the sandbox seed), passing optional params so that every
    /// query parameter and body property the manifests can send is sent at least once.
    static let all: [Call] = [
        // Jira: issues
        Call(connector: "jira", entity: "issues", action: "get", params: ["issue": "DEMO-1", "jira_fields": ["summary", "status"], "expand": ["names"]]),
        Call(connector: "jira", entity: "issues", action: "search", params: [
            "jql": "project = DEMO ORDER BY key ASC", "jira_fields": ["summary"], "expand": ["names"], "limit": 2,
        ]),
        Call(connector: "jira", entity: "issues", action: "count", params: ["jql": "project = DEMO"]),
        Call(connector: "jira", entity: "issues", action: "create", params: [
            "project": "DEMO", "issue_type": "Bug", "summary": "Conformance check", "description": "Seen on the **order** page.",
            "labels": ["triaged"], "priority": "High", "assignee_account_id": .string(accountId), "due_date": "2026-03-31",
            "components": [["name": "Checkout"]], "fix_versions": [["name": "1.1"]],
        ], capture: ("issue", "key")),
        Call(connector: "jira", entity: "issues", action: "create", params: [
            "project": "DEMO", "issue_type": "Sub-task", "summary": "Conformance sub-task", "parent": "$issue",
        ]),
        Call(connector: "jira", entity: "issues", action: "create_batch", params: ["issues": [
            ["project": "DEMO", "issue_type": "Task", "summary": "Conformance batch one", "description": "With **Markdown**.", "labels": ["triaged"]],
            ["project": "DEMO", "issue_type": "Bug", "summary": "Conformance batch two", "priority": "High", "components": [["name": "Checkout"]]],
        ]]),
        Call(connector: "jira", entity: "issues", action: "update", params: [
            "issue": "DEMO-4", "field_values": ["summary": "Rate-limit the search API"], "update": ["labels": [["add": "triaged"]]],
            "notify_users": false, "return_issue": true,
        ]),
        Call(connector: "jira", entity: "issues", action: "set_description", params: ["issue": "DEMO-4", "description": "The limit is **20**.", "notify_users": false]),
        Call(connector: "jira", entity: "issues", action: "assign", params: ["issue": "DEMO-9", "account_id": .string(accountId)]),
        Call(connector: "jira", entity: "issues", action: "unassign", params: ["issue": "DEMO-3"]),
        Call(connector: "jira", entity: "issues", action: "transitions", params: ["issue": "DEMO-4", "include_unavailable": true, "expand": "transitions.fields"]),
        Call(connector: "jira", entity: "issues", action: "transition", params: ["issue": "DEMO-4", "transition_id": "11", "comment": "Starting _today_."]),
        Call(connector: "jira", entity: "issues", action: "changelog", params: ["issue": "DEMO-5"]),
        // Jira: comments
        Call(connector: "jira", entity: "comments", action: "list", params: ["issue": "DEMO-7", "order_by": "-created"]),
        Call(connector: "jira", entity: "comments", action: "add", params: ["issue": "DEMO-4", "body": "First look."], capture: ("comment", "id")),
        Call(connector: "jira", entity: "comments", action: "get", params: ["issue": "DEMO-4", "comment_id": "$comment"]),
        Call(connector: "jira", entity: "comments", action: "update", params: ["issue": "DEMO-4", "comment_id": "$comment", "body": "Second look.", "notify_users": false]),
        Call(connector: "jira", entity: "comments", action: "delete", params: ["issue": "DEMO-4", "comment_id": "$comment"]),
        // Jira: worklogs
        Call(connector: "jira", entity: "worklogs", action: "list", params: ["issue": "DEMO-7", "started_after": 1_700_000_000_000, "started_before": 4_102_444_800_000]),
        Call(connector: "jira", entity: "worklogs", action: "add", params: [
            "issue": "DEMO-4", "time_spent": "1h 30m", "started": "2026-01-20T09:00:00.000+0000", "comment": "Spike.",
            "adjust_estimate": "leave", "notify_users": false,
        ], capture: ("worklog", "id")),
        Call(connector: "jira", entity: "worklogs", action: "add", params: ["issue": "DEMO-4", "time_spent_seconds": 600, "started": "2026-01-21T09:00:00.000+0000"]),
        Call(connector: "jira", entity: "worklogs", action: "get", params: ["issue": "DEMO-4", "worklog_id": "$worklog"]),
        Call(connector: "jira", entity: "worklogs", action: "delete", params: ["issue": "DEMO-4", "worklog_id": "$worklog", "adjust_estimate": "leave"]),
        // Jira: projects, fields, users
        Call(connector: "jira", entity: "projects", action: "search", params: ["query": "demo", "keys": ["DEMO", "MOB"], "type_key": "software", "order_by": "key"]),
        Call(connector: "jira", entity: "projects", action: "get", params: ["project": "DEMO"]),
        Call(connector: "jira", entity: "projects", action: "issue_types", params: ["project": "DEMO"]),
        Call(connector: "jira", entity: "projects", action: "create_metadata", params: ["project": "DEMO", "issue_type_id": "10003"]),
        Call(connector: "jira", entity: "fields", action: "list", params: [:]),
        Call(connector: "jira", entity: "fields", action: "search", params: ["query": "sprint", "type": ["custom"], "ids": ["customfield_10020"], "order_by": "name"]),
        Call(connector: "jira", entity: "users", action: "myself", params: ["expand": ["groups"]]),
        Call(connector: "jira", entity: "users", action: "search", params: ["query": "carmen"]),
        Call(connector: "jira", entity: "users", action: "get", params: ["account_id": "5b109f2e9729b51b54dc274d"]),
        Call(connector: "jira", entity: "users", action: "assignable", params: ["project": "DEMO", "query": "ali"]),
        Call(connector: "jira", entity: "users", action: "assignable", params: ["issue": "DEMO-4"]),
        // Jira: links, watchers, attachments
        Call(connector: "jira", entity: "issue_links", action: "link_types", params: [:]),
        Call(connector: "jira", entity: "issue_links", action: "create", params: ["link_type": "Blocks", "issue": "DEMO-3", "linked_issue": "DEMO-4"]),
        Call(connector: "jira", entity: "issue_links", action: "delete", params: ["link_id": "10400"]),
        Call(connector: "jira", entity: "webhooks", action: "list", params: [:]),
        Call(
            connector: "jira", entity: "webhooks", action: "register",
            params: ["url": "https://hooks.example.com/jira", "events": ["jira:issue_created"], "jql_filter": "project = DEMO"]
        ),
        Call(connector: "jira", entity: "webhooks", action: "refresh", params: ["webhook_ids": [10000]]),
        Call(connector: "jira", entity: "webhooks", action: "delete", params: ["webhook_ids": [10000]]),
        Call(connector: "jira", entity: "watchers", action: "list", params: ["issue": "DEMO-7"]),
        Call(connector: "jira", entity: "watchers", action: "add", params: ["issue": "DEMO-7", "account_id": "5c4f8a1e2d0b9c3a7e6f1d20"]),
        Call(connector: "jira", entity: "watchers", action: "remove", params: ["issue": "DEMO-7", "account_id": "5b109f2e9729b51b54dc274d"]),
        Call(connector: "jira", entity: "attachments", action: "list", params: ["issue": "DEMO-7"]),
        Call(connector: "jira", entity: "attachments", action: "get", params: ["attachment_id": "10501"]),
        Call(connector: "jira", entity: "attachments", action: "upload", params: [
            "issue": "DEMO-7", "filename": "conformance.png", "content": "iVBORw0KGgo=", "encoding": "base64", "content_type": "image/png",
        ]),
        Call(connector: "jira", entity: "attachments", action: "delete", params: ["attachment_id": "10500"]),
        Call(connector: "jira", entity: "issues", action: "changelogs", params: ["issues": ["DEMO-2", "DEMO-7"], "field_ids": ["status"], "limit": 2]),
        Call(connector: "jira", entity: "versions", action: "get", params: ["version_id": "10101"]),
        Call(connector: "jira", entity: "versions", action: "update", params: [
            "version_id": "10101", "name": "1.1.0", "description": "Checkout", "start_date": "2026-01-06", "release_date": "2026-02-27", "released": true, "archived": false,
        ]),
        Call(connector: "jira", entity: "components", action: "get", params: ["component_id": "10200"]),
        // Jira: remote links
        Call(connector: "jira", entity: "remote_links", action: "create", params: [
            "issue": "DEMO-4", "url": "https://github.com/acme/shop/pull/7", "title": "PR #7", "summary": "Rate limit search",
            "relationship": "fixed by", "global_id": "pr-7",
        ], capture: ("remoteLink", "id")),
        Call(connector: "jira", entity: "remote_links", action: "list", params: ["issue": "DEMO-4", "global_id": "pr-7"]),
        Call(connector: "jira", entity: "remote_links", action: "delete", params: ["issue": "DEMO-4", "link_id": "$remoteLink"]),
        // Jira Software: boards and sprints
        Call(connector: "jira", entity: "boards", action: "list", params: ["project": "DEMO", "name": "DEMO", "type": ["scrum"]]),
        Call(connector: "jira", entity: "boards", action: "backlog", params: ["board_id": 1, "jql": "type = Bug", "jira_fields": ["summary"]]),
        Call(connector: "jira", entity: "sprints", action: "list", params: ["board_id": 1, "state": ["active", "future"]]),
        Call(connector: "jira", entity: "sprints", action: "get", params: ["sprint_id": 1]),
        Call(connector: "jira", entity: "sprints", action: "issues", params: ["sprint_id": 2, "jql": "type = Bug", "jira_fields": ["summary"]]),
        Call(connector: "jira", entity: "sprints", action: "move_issues", params: ["sprint_id": 2, "issues": ["DEMO-4", "DEMO-9"]]),
        Call(connector: "jira", entity: "sprints", action: "move_to_backlog", params: ["issues": ["DEMO-27"]]),
        Call(connector: "jira", entity: "sprints", action: "create", params: [
            "board_id": 1, "name": "DEMO Sprint 4", "goal": "Faster checkout", "start_date": "2026-02-02T09:00:00.000Z", "end_date": "2026-02-16T09:00:00.000Z",
        ], capture: ("sprint", "id")),
        Call(connector: "jira", entity: "sprints", action: "update", params: [
            "sprint_id": "$sprint", "name": "DEMO Sprint 4b", "goal": "Checkout first", "start_date": "2026-02-03T09:00:00.000Z", "end_date": "2026-02-17T09:00:00.000Z",
        ]),
        Call(connector: "jira", entity: "sprints", action: "close", params: ["sprint_id": 2]),
        Call(connector: "jira", entity: "sprints", action: "start", params: [
            "sprint_id": "$sprint", "start_date": "2026-02-03T09:00:00.000Z", "end_date": "2026-02-17T09:00:00.000Z", "goal": "Checkout first",
        ]),
        Call(connector: "jira", entity: "sprints", action: "delete", params: ["sprint_id": 3]),
        // Jira Software: epics
        Call(connector: "jira", entity: "epics", action: "issues", params: ["epic": "DEMO-1", "jql": "status != Done"]),
        Call(connector: "jira", entity: "epics", action: "add_issues", params: ["epic": "DEMO-1", "issues": ["DEMO-4"]]),
        // Jira: releases and metadata
        Call(connector: "jira", entity: "versions", action: "list", params: ["project": "DEMO"]),
        Call(connector: "jira", entity: "versions", action: "create", params: [
            "project": "DEMO", "name": "9.9", "description": "Conformance", "start_date": "2026-04-01", "release_date": "2026-04-30", "released": false,
        ]),
        Call(connector: "jira", entity: "components", action: "list", params: ["project": "DEMO"]),
        Call(connector: "jira", entity: "components", action: "create", params: [
            "project": "DEMO", "name": "Conformance", "description": "Checks", "lead_account_id": .string(accountId), "assignee_type": "COMPONENT_LEAD",
        ]),
        Call(connector: "jira", entity: "priorities", action: "list", params: [:]),
        Call(connector: "jira", entity: "statuses", action: "list", params: [:]),
        Call(connector: "jira", entity: "issue_types", action: "list", params: [:]),
        Call(connector: "jira", entity: "labels", action: "list", params: [:]),
        Call(connector: "jira", entity: "issues", action: "delete", params: ["issue": "$issue", "delete_subtasks": true]),

        // Jira Service Management: no published spec is beside the repo, so only the response and coverage
        // checks see these (OpenAPIConformanceTests.unpublished).
        Call(connector: "jira", entity: "service_desks", action: "list", params: [:]),
        Call(connector: "jira", entity: "service_desks", action: "get", params: ["service_desk": "OPS"]),
        Call(connector: "jira", entity: "queues", action: "list", params: ["service_desk": "1", "include_count": true]),
        Call(connector: "jira", entity: "queues", action: "issues", params: ["service_desk": "1", "queue_id": 1]),
        Call(connector: "jira", entity: "request_types", action: "list", params: ["service_desk": "1", "query": "help"]),
        Call(connector: "jira", entity: "request_types", action: "fields", params: ["service_desk": "1", "request_type": "10"]),
        Call(connector: "jira", entity: "customer_requests", action: "create", params: [
            "service_desk": "1", "request_type": "10", "field_values": ["summary": "Conformance request", "priority": "Low"],
            "raise_on_behalf_of": .string(accountId), "participants": [.string(accountId)],
        ], capture: ("request", "issueKey")),
        Call(connector: "jira", entity: "customer_requests", action: "get", params: ["issue": "$request"]),
        Call(connector: "jira", entity: "customer_requests", action: "sla", params: ["issue": "$request"]),
        // Confluence: pages
        Call(connector: "confluence", entity: "pages", action: "get", params: ["page_id": "98311", "body_format": "storage"]),
        Call(connector: "confluence", entity: "pages", action: "get", params: ["page_id": "98311", "version": 1]),
        Call(connector: "confluence", entity: "pages", action: "list", params: [
            "space_id": "65537", "title": "Runbooks", "status": "current", "sort": "title", "body_format": "storage",
        ]),
        Call(connector: "confluence", entity: "pages", action: "list", params: ["page_ids": ["98311", "98314"]]),
        Call(connector: "confluence", entity: "pages", action: "children", params: ["page_id": "98305", "sort": "child-position"]),
        Call(connector: "confluence", entity: "pages", action: "ancestors", params: ["page_id": "98314"]),
        Call(connector: "confluence", entity: "pages", action: "create", params: [
            "space_id": "65537", "title": "Conformance page", "parent_id": "98316", "body": "Release **notes**.", "status": "current",
        ], capture: ("page", "id")),
        Call(connector: "confluence", entity: "pages", action: "update", params: [
            "page_id": "98306", "version_number": 4, "title": "Getting Started Guide", "body": "<p>Read this first.</p>",
            "status": "current", "parent_id": "98305", "version_message": "Shorter intro",
        ]),
        Call(connector: "confluence", entity: "pages", action: "update", params: ["page_id": "98306", "title": "Getting Started Guide", "body": "Prefetched version."]),
        Call(connector: "confluence", entity: "pages", action: "move", params: ["page_id": "$page", "position": "append", "target_id": "98308"]),
        Call(connector: "confluence", entity: "pages", action: "versions", params: ["page_id": "98306", "sort": "-modified-date"]),
        Call(connector: "confluence", entity: "pages", action: "by_label", params: ["label": "runbook", "cql": "space = DEMO"]),
        Call(connector: "confluence", entity: "pages", action: "delete", params: ["page_id": "$page", "purge": false]),
        // Confluence: spaces and blog posts
        Call(connector: "confluence", entity: "spaces", action: "list", params: ["keys": ["ENG", "DEMO"], "type": "global", "status": "current", "sort": "key"]),
        Call(connector: "confluence", entity: "spaces", action: "get", params: ["space_id": "65537", "description_format": "plain"]),
        Call(connector: "confluence", entity: "spaces", action: "get_by_key", params: ["space_key": "ENG", "description_format": "view"]),
        Call(connector: "confluence", entity: "blog_posts", action: "list", params: [
            "space_id": "65537", "title": "Release", "status": "current", "sort": "-created-date", "body_format": "storage",
        ]),
        Call(connector: "confluence", entity: "blog_posts", action: "get", params: ["blog_post_id": "131073", "body_format": "storage"]),
        Call(connector: "confluence", entity: "blog_posts", action: "create", params: [
            "space_id": "65538", "title": "Conformance post", "body": "Highlights: **faster search**.", "status": "current",
        ], capture: ("post", "id")),
        Call(connector: "confluence", entity: "blog_posts", action: "update", params: [
            "blog_post_id": "$post", "version_number": 2, "title": "Conformance post", "body": "Now **faster**.", "status": "current",
            "version_message": "Faster",
        ]),
        Call(connector: "confluence", entity: "blog_posts", action: "delete", params: ["blog_post_id": "$post", "purge": false]),
        // Confluence: comments, labels, attachments, search, users
        Call(connector: "confluence", entity: "footer_comments", action: "list", params: ["page_id": "98311", "body_format": "storage", "sort": "created-date"]),
        Call(connector: "confluence", entity: "footer_comments", action: "add", params: ["page_id": "98312", "body": "Reviewed, **looks good**."], capture: ("footer", "id")),
        Call(connector: "confluence", entity: "footer_comments", action: "get", params: ["comment_id": "$footer", "body_format": "storage"]),
        Call(connector: "confluence", entity: "footer_comments", action: "update", params: ["comment_id": "$footer", "body": "Reviewed again.", "version_number": 2]),
        Call(connector: "confluence", entity: "footer_comments", action: "reply", params: ["comment_id": "131085", "body": "Agreed."]),
        Call(connector: "confluence", entity: "inline_comments", action: "add", params: [
            "page_id": "98311", "text_selection": "Payment provider timeout", "match_index": 0, "match_count": 1, "body": "Which **timeout**?",
        ], capture: ("inline", "id")),
        Call(connector: "confluence", entity: "inline_comments", action: "add", params: ["comment_id": "$inline", "body": "The 30 s one."]),
        Call(connector: "confluence", entity: "inline_comments", action: "list", params: [
            "page_id": "98311", "resolution_status": ["open", "reopened"], "body_format": "storage", "sort": "created-date",
        ]),
        Call(connector: "confluence", entity: "inline_comments", action: "resolve", params: ["comment_id": "$inline", "resolved": true]),
        Call(connector: "confluence", entity: "inline_comments", action: "delete", params: ["comment_id": "$inline"]),
        Call(connector: "confluence", entity: "footer_comments", action: "delete", params: ["comment_id": "$footer"]),
        Call(connector: "confluence", entity: "labels", action: "list", params: ["page_id": "98314", "prefix": "global", "sort": "name"]),
        Call(connector: "confluence", entity: "labels", action: "add", params: ["page_id": "98312", "label": "search", "prefix": "global"]),
        Call(connector: "confluence", entity: "labels", action: "in_space", params: ["space_id": "65537", "prefix": "global", "sort": "name"]),
        Call(connector: "confluence", entity: "labels", action: "remove", params: ["page_id": "98311", "label": "checkout"]),
        Call(connector: "confluence", entity: "attachments", action: "list", params: [
            "page_id": "98311", "filename": "checkout-sequence.pdf", "media_type": "application/pdf", "sort": "created-date",
        ]),
        Call(connector: "confluence", entity: "attachments", action: "upload", params: [
            "page_id": "98315", "filename": "conformance.txt", "content": "aGk=", "encoding": "base64", "content_type": "text/plain",
            "comment": "Conformance", "minor_edit": true,
        ]),
        Call(connector: "confluence", entity: "attachments", action: "get", params: ["attachment_id": "131090"]),
        Call(connector: "confluence", entity: "attachments", action: "delete", params: ["attachment_id": "131092", "purge": false]),
        Call(connector: "confluence", entity: "attachments", action: "download", params: ["page_id": "98315", "attachment_id": "att131093"]),
        Call(connector: "confluence", entity: "search", action: "cql", params: [
            "cql": "type = page AND space = DEMO ORDER BY title", "include_archived_spaces": false, "excerpt": "highlight", "limit": 2,
        ]),
        Call(connector: "confluence", entity: "users", action: "current", params: [:]),
        Call(connector: "confluence", entity: "users", action: "search", params: ["name": "alice"]),
    ]

    /// What one call did: the label `connector entity action`, the result, and the exchanges it caused.
    struct Outcome {
        let label: String
        let envelope: ResultEnvelope
        let exchanges: [SandboxExchange]
    }

    /// Every action of the Cloud manifests that ``all`` has no call for.
    static func missingActions(in harness: SandboxHarness) throws(CoverageError) -> [String] {
        var missing: [String] = []
        for name in ["jira", "confluence"] {
            guard let connector = harness.runtime.catalog.connector(name) else { throw CoverageError(connector: name) }
            for entity in connector.entities {
                for action in entity.actions
                where !all.contains(where: { $0.connector == name && $0.entity == entity.name && $0.action == action.name }) {
                    missing.append("\(name) \(entity.name) \(action.name)")
                }
            }
        }
        return missing
    }

    /// A Cloud manifest the harness did not load.
    struct CoverageError: Error, CustomStringConvertible {
        let connector: String
        var description: String { "the harness has no connector '\(connector)'" }
    }

    /// Runs ``all`` in order, passing captured ids on; `problems` names calls that sent no request or gave
    /// no id to capture.
    static func runAll(on harness: SandboxHarness) async -> (outcomes: [Outcome], problems: [String]) {
        var outcomes: [Outcome] = []
        var problems: [String] = []
        var captured: [String: JSONValue] = [:]
        for call in all {
            let before = harness.server.recordedExchanges().count
            let envelope = await harness.execute(call.connector, call.entity, call.action, substitute(call.params, captured))
            let exchanges = Array(harness.server.recordedExchanges().dropFirst(before))
            let label = "\(call.connector) \(call.entity) \(call.action)"
            if exchanges.isEmpty {
                problems.append("\(label) sent no request: \(envelope.json.serialized())")
            }
            if let capture = call.capture {
                if let value = envelope.result?.data[capture.field] {
                    captured[capture.name] = value
                } else {
                    problems.append("\(label) gave no '\(capture.field)' to reuse: \(envelope.json.serialized())")
                }
            }
            outcomes.append(Outcome(label: label, envelope: envelope, exchanges: exchanges))
        }
        return (outcomes, problems)
    }

    /// Replaces `"$name"` strings with captured values.
    static func substitute(_ params: JSONValue, _ captured: [String: JSONValue]) -> JSONValue {
        switch params {
        case .string(let text) where text.hasPrefix("$"):
            return captured[String(text.dropFirst())] ?? params
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, substitute($0.value, captured)) }))
        case .array(let elements):
            return .array(elements.map { substitute($0, captured) })
        default:
            return params
        }
    }
}
