"""Drives `switchyard sandbox` with real Atlassian client libraries, through their ordinary calls.

    python realclient_check.py SWITCHYARD_BINARY

Starts `SWITCHYARD_BINARY sandbox --port 0`, reads its URL from the first line it prints, and runs each check
against Jira Cloud (the site root), Jira Data Center (the `/jira` context path), Confluence Cloud (`/wiki`) and
Confluence Data Center (no context path), with pycontribs `jira` and `atlassian-python-api` (whose ServiceDesk
client covers Jira Service Management). Each check prints
one PASS or FAIL line; the last line is `N passed, N failed`, and the exit status is 1 on any failure.
"""

import re
import subprocess
import sys
import traceback
import uuid

from atlassian import Confluence, Jira, ServiceDesk
from jira import JIRA

EMAIL = "demo@example.com"
API_TOKEN = "sandbox-api-token"
PAT = "sandbox-pat"

results = {"passed": 0, "failed": 0}


def check(name, function):
    """Runs one check; an exception or a false assertion is a failure, reported with its reason."""
    try:
        detail = function()
        results["passed"] += 1
        print(f"PASS {name}" + (f": {detail}" if detail else ""), flush=True)
    except Exception as error:  # noqa: BLE001 - every failure is reported, none may stop the run
        results["failed"] += 1
        reason = f"{type(error).__name__}: {error}".strip().splitlines()[0][:300]
        print(f"FAIL {name}: {reason}", flush=True)
        traceback.print_exc(limit=3, file=sys.stderr)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def start_sandbox(binary):
    process = subprocess.Popen(
        [binary, "sandbox", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    first = process.stdout.readline()
    match = re.search(r"listening on (\S+)", first)
    if not match:
        process.kill()
        raise SystemExit(f"realclients: the sandbox did not report its URL; it printed: {first!r}")
    return process, match.group(1)


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


# MARK: pycontribs jira


def pycontribs_checks(label, client_factory, deployment, version_prefix):
    state = {}

    def connect():
        # The default constructor calls GET /rest/api/2/serverInfo to learn the version and deployment.
        state["jira"] = client_factory()
        jira = state["jira"]
        expect(jira.deploymentType == deployment, f"deploymentType {jira.deploymentType!r}, expected {deployment!r}")
        expect(jira._version[: len(version_prefix)] == version_prefix, f"version {jira._version}")
        return f"deploymentType={jira.deploymentType} version={'.'.join(map(str, jira._version))}"

    def read_issue():
        issue = state["jira"].issue("DEMO-1")
        expect(issue.key == "DEMO-1", f"key {issue.key}")
        expect(issue.fields.summary, "no summary")
        expect(issue.fields.status.name, "no status")
        return f"{issue.key} {issue.fields.summary!r} [{issue.fields.status.name}]"

    def search():
        issues = state["jira"].search_issues("project = DEMO ORDER BY key ASC", maxResults=5)
        keys = [issue.key for issue in issues]
        expect(keys[:2] == ["DEMO-1", "DEMO-2"], f"keys {keys}")
        expect(len(keys) == 5, f"{len(keys)} issues")
        return ", ".join(keys)

    def create():
        summary = unique("Created by pycontribs jira")
        issue = state["jira"].create_issue(
            project="DEMO", summary=summary, issuetype={"name": "Task"}, description="Made by the real-client suite."
        )
        expect(issue.key.startswith("DEMO-"), f"key {issue.key}")
        expect(issue.fields.summary == summary, f"summary {issue.fields.summary!r}")
        state["issue"] = issue.key
        return issue.key

    def comment():
        jira = state["jira"]
        added = jira.add_comment(state["issue"], "Checked by pycontribs jira.")
        bodies = [c.body for c in jira.comments(state["issue"])]
        expect(added.id, "no comment id")
        expect(any("pycontribs" in str(body) for body in bodies), f"comments {bodies}")
        return f"comment {added.id} on {state['issue']}"

    def service_desk():
        # pycontribs asks /rest/servicedeskapi/info first, then lists desks and finds a request type by name.
        jira = state["jira"]
        expect(jira.supports_service_desk(), "supports_service_desk() is False")
        desks = {desk.projectKey: desk.id for desk in jira.service_desks()}
        expect("OPS" in desks, f"desks {desks}")
        summary = unique("Raised by pycontribs jira")
        issue = jira.create_customer_request({
            "serviceDeskId": desks["OPS"], "requestTypeId": "Get IT help", "requestFieldValues": {"summary": summary},
        })
        expect(issue.key.startswith("OPS-") and issue.fields.summary == summary, f"issue {issue.key} {issue.fields.summary!r}")
        return f"desks {sorted(desks)}, raised {issue.key}"

    def transition():
        jira = state["jira"]
        available = {t["name"]: t["id"] for t in jira.transitions(state["issue"])}
        expect("Start progress" in available, f"transitions {sorted(available)}")
        jira.transition_issue(state["issue"], available["Start progress"])
        status = jira.issue(state["issue"]).fields.status.name
        expect(status == "In Progress", f"status {status!r}")
        return f"{state['issue']} → {status}"

    for name, function in [
        ("connect (serverInfo)", connect), ("read issue", read_issue), ("JQL search", search),
        ("create issue", create), ("add comment", comment), ("transition issue", transition),
        ("service desk request", service_desk),
    ]:
        check(f"pycontribs jira {label}: {name}", function)


# MARK: atlassian-python-api Jira


def atlassian_jira_checks(label, jira, deployment):
    state = {}

    def server_info():
        info = jira.get_server_info()
        expect(info.get("deploymentType") == deployment, f"deploymentType {info.get('deploymentType')!r}")
        return f"deploymentType={info['deploymentType']} version={info['version']}"

    def read_issue():
        issue = jira.issue("DEMO-2")
        expect(issue["key"] == "DEMO-2", f"key {issue.get('key')}")
        expect(issue["fields"]["summary"], "no summary")
        return f"{issue['key']} {issue['fields']['summary']!r}"

    def search():
        found = jira.jql("project = DEMO ORDER BY key ASC", fields="summary,status", limit=3)
        keys = [issue["key"] for issue in found["issues"]]
        expect(keys == ["DEMO-1", "DEMO-2", "DEMO-3"], f"keys {keys}")
        return ", ".join(keys)

    def create():
        summary = unique("Created by atlassian-python-api")
        created = jira.create_issue(fields={"project": {"key": "DEMO"}, "issuetype": {"name": "Bug"}, "summary": summary})
        expect(created["key"].startswith("DEMO-"), f"created {created}")
        state["issue"] = created["key"]
        expect(jira.issue(created["key"])["fields"]["summary"] == summary, "summary not stored")
        return created["key"]

    def comment():
        added = jira.issue_add_comment(state["issue"], "Checked by atlassian-python-api.")
        expect(added.get("id"), f"comment {added}")
        return f"comment {added['id']} on {state['issue']}"

    def transition():
        jira.set_issue_status(state["issue"], "In Progress")
        status = jira.get_issue_status(state["issue"])
        expect(status == "In Progress", f"status {status!r}")
        return f"{state['issue']} → {status}"

    for name, function in [
        ("serverInfo", server_info), ("read issue", read_issue), ("JQL search", search),
        ("create issue", create), ("add comment", comment), ("transition issue", transition),
    ]:
        check(f"atlassian-python-api Jira {label}: {name}", function)


# MARK: atlassian-python-api Jira Service Management


def atlassian_service_desk_checks(label, desk):
    state = {}

    def service_desks():
        desks = desk.get_service_desks()
        keys = [item["projectKey"] for item in desks]
        expect("OPS" in keys, f"desks {desks}")
        state["desk"] = next(item["id"] for item in desks if item["projectKey"] == "OPS")
        return f"{len(desks)} desks: {', '.join(keys)}"

    def queues():
        page = desk.get_queues(state["desk"], include_count=True)
        names = [queue["name"] for queue in page["values"]]
        expect(page["isLastPage"] is True and names, f"queues {page}")
        expect(all(isinstance(queue.get("issueCount"), int) for queue in page["values"]), "no issueCount")
        state["queue"] = page["values"][0]["id"]
        state["count"] = page["values"][0]["issueCount"]
        return ", ".join(f"{queue['name']} ({queue['issueCount']})" for queue in page["values"])

    def queue_issues():
        page = desk.get_issues_in_queue(state["desk"], state["queue"])
        keys = [issue["key"] for issue in page["values"]]
        expect(len(keys) == state["count"], f"{len(keys)} issues, the queue counts {state['count']}")
        return ", ".join(keys)

    def request_types():
        types = desk.get_request_types(state["desk"])["values"]
        expect(types and all(item["serviceDeskId"] == state["desk"] for item in types), f"types {types}")
        state["type"] = types[0]["id"]
        return ", ".join(item["name"] for item in types)

    def raise_request():
        summary = unique("Raised by atlassian-python-api")
        created = desk.create_customer_request(state["desk"], state["type"], {"summary": summary, "description": "From a real client."})
        expect(created["issueKey"].startswith("OPS-"), f"created {created}")
        read = desk.get_customer_request(created["issueKey"])
        values = {value["fieldId"]: value["value"] for value in read["requestFieldValues"]}
        expect(values.get("summary") == summary, f"values {values}")
        state["request"] = created["issueKey"]
        return f"{created['issueKey']} ({read['currentStatus']['status']})"

    def sla():
        slas = desk.get_sla(state["request"])
        names = [item["name"] for item in slas]
        expect(names and all("ongoingCycle" in item or item["completedCycles"] for item in slas), f"slas {slas}")
        return ", ".join(names)

    for name, function in [
        ("service desks", service_desks), ("queues with counts", queues), ("issues in queue", queue_issues),
        ("request types", request_types), ("raise and read a request", raise_request), ("SLAs", sla),
    ]:
        check(f"atlassian-python-api Service Desk {label}: {name}", function)


# MARK: atlassian-python-api Confluence


def atlassian_confluence_checks(label, confluence):
    state = {}

    def read_page():
        page = confluence.get_page_by_id("98311", expand="body.storage,version,space")
        expect(page["id"] == "98311", f"id {page.get('id')}")
        expect(page["body"]["storage"]["value"], "no storage body")
        expect(page["version"]["number"] >= 1, "no version")
        return f"{page['id']} {page['title']!r} v{page['version']['number']} in {page['space']['key']}"

    def cql():
        found = confluence.cql("type = page AND space = DEMO ORDER BY title", limit=5)
        titles = [result.get("content", {}).get("title") or result.get("title") for result in found["results"]]
        expect(len(titles) == 5 and all(titles), f"results {found.get('results')}")
        return f"{len(titles)} results, first {titles[0]!r}"

    def create():
        title = unique("Real-client page")
        page = confluence.create_page(space="DEMO", title=title, body="<p>Made by atlassian-python-api.</p>", parent_id="98305")
        expect(page["title"] == title and page["id"], f"page {page}")
        state["page"] = page["id"]
        state["title"] = title
        return f"{page['id']} {title!r}"

    def update():
        updated = confluence.update_page(state["page"], state["title"], "<p>Updated by atlassian-python-api.</p>")
        expect(updated and updated["version"]["number"] == 2, f"updated {updated}")
        body = confluence.get_page_by_id(state["page"], expand="body.storage")["body"]["storage"]["value"]
        expect("Updated by" in body, f"body {body!r}")
        return f"{state['page']} now version 2"

    for name, function in [("read page", read_page), ("CQL search", cql), ("create page", create), ("update page", update)]:
        check(f"atlassian-python-api Confluence {label}: {name}", function)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: realclient_check.py SWITCHYARD_BINARY")
    process, url = start_sandbox(sys.argv[1])
    print(f"sandbox at {url}", flush=True)
    try:
        pycontribs_checks("Cloud", lambda: JIRA(server=url, basic_auth=(EMAIL, API_TOKEN)), "Cloud", (1001,))
        pycontribs_checks("Data Center", lambda: JIRA(server=url + "/jira", token_auth=PAT), "Server", (9, 12, 2))
        atlassian_jira_checks("Cloud", Jira(url=url, username=EMAIL, password=API_TOKEN, cloud=True), "Cloud")
        atlassian_jira_checks("Data Center", Jira(url=url + "/jira", token=PAT), "Server")
        atlassian_service_desk_checks("Cloud", ServiceDesk(url=url, username=EMAIL, password=API_TOKEN, cloud=True))
        atlassian_service_desk_checks("Data Center", ServiceDesk(url=url + "/jira", token=PAT))
        atlassian_confluence_checks("Cloud", Confluence(url=url + "/wiki", username=EMAIL, password=API_TOKEN, cloud=True))
        atlassian_confluence_checks("Data Center", Confluence(url=url, token=PAT))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    print(f"{results['passed']} passed, {results['failed']} failed", flush=True)
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
