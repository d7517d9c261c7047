#!/usr/bin/env python3
"""Drive `switchyard serve --sandbox` with the official MCP Python SDK (1.x or 2.x) over stdio.

    python mcp_client_check.py /path/to/switchyard [--mode auto|legacy] [--expect-version V]
                               [--timeout SECONDS] [--server-args "serve --sandbox"]

The installed `mcp` major version picks the client API:
  * mcp 2.x: `mcp.Client(StdioServerParameters(...), mode=...)`, which spawns the server with
    `mcp.client.stdio.stdio_client` and drives a `ClientSession`. With mode "auto" (the SDK
    default) the SDK itself probes `server/discover` and falls back to `initialize`;
    "legacy" forces the `initialize` handshake.
  * mcp 1.x: `mcp.client.stdio.stdio_client` + `mcp.ClientSession.initialize()` (there is
    no discover in 1.x).

Each check prints PASS/FAIL with a message; the last line is
`mcp_client_check: N passed, M failed`, and the exit status is non-zero when M > 0.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import traceback
from datetime import timedelta
from typing import Any

import anyio

TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MCP_VERSION = importlib.metadata.version("mcp")
MCP_MAJOR = int(MCP_VERSION.split(".")[0])


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.stream_errors: list[str] = []  # unparseable stdout lines etc., seen by the SDK

    async def message_handler(self, message: Any) -> None:
        if isinstance(message, Exception):
            self.stream_errors.append(describe_exc(message))

    def check_stream(self) -> None:
        self.ok(not self.stream_errors, "the server's stdout carried only valid JSON-RPC messages",
                f"{len(self.stream_errors)} bad: {self.stream_errors[0][:200] if self.stream_errors else ''}")

    def ok(self, cond: bool, message: str, detail: str = "") -> bool:
        if cond:
            self.passed += 1
            print(f"PASS {message}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {message}" + (f": {detail}" if detail else ""), flush=True)
        return cond

    def fail(self, message: str, detail: str = "") -> None:
        self.ok(False, message, detail)


def describe_exc(exc: BaseException) -> str:
    """One line for an exception, unwrapping anyio/asyncio exception groups."""
    inner = getattr(exc, "exceptions", None)
    if inner:
        return "; ".join(describe_exc(e) for e in inner)
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def text_of(result: Any) -> str:
    parts = []
    for item in getattr(result, "content", None) or []:
        if getattr(item, "type", None) == "text":
            parts.append(item.text)
    return "\n".join(parts)


def is_error(result: Any) -> bool:
    # 1.x spells it isError, 2.x is_error.
    return bool(getattr(result, "is_error", getattr(result, "isError", False)))


def input_schema(tool: Any) -> Any:
    return getattr(tool, "input_schema", getattr(tool, "inputSchema", None))


def envelope(checks: Checks, label: str, result: Any) -> dict | None:
    """Parse the tool result's text content as the Switchyard JSON envelope."""
    text = text_of(result)
    try:
        value = json.loads(text)
    except ValueError:
        checks.fail(f"{label}: text content is JSON", f"got {text[:300]!r}")
        return None
    if not isinstance(value, dict):
        checks.fail(f"{label}: text content is a JSON object", f"got {text[:300]!r}")
        return None
    return value


class Adapter:
    """The few calls the checks need, over either SDK major version."""

    def __init__(self, session: Any, path: str, version: str | None, server_info: Any, client: Any = None):
        self.session = session
        self.client = client
        self.path = path
        self.version = version
        self.server_info = server_info

    async def list_tools(self) -> list[Any]:
        tools: list[Any] = []
        cursor = None
        for _ in range(100):  # bounded pagination
            if self.client is not None:
                page = await self.client.list_tools(cursor=cursor)
            elif cursor is None:
                page = await self.session.list_tools()
            else:
                from mcp.types import PaginatedRequestParams
                page = await self.session.list_tools(params=PaginatedRequestParams(cursor=cursor))
            tools.extend(page.tools)
            cursor = getattr(page, "next_cursor", getattr(page, "nextCursor", None))
            if not cursor:
                break
        return tools

    async def call_tool(self, name: str, arguments: dict, timeout: float) -> Any:
        if self.client is not None:
            return await self.client.call_tool(name, arguments, read_timeout_seconds=timeout)
        return await self.session.call_tool(name, arguments, read_timeout_seconds=timedelta(seconds=timeout))


def structured(checks: Checks, label: str, result: Any) -> dict | None:
    """The JSON object a meta-tool returned as its text."""
    return envelope(checks, label, result)


async def list_tools_checked(adapter: Adapter, checks: Checks) -> list[Any] | None:
    """tools/list, or None (recorded as a failure) when it fails."""
    try:
        return await adapter.list_tools()
    except Exception as exc:  # noqa: BLE001
        checks.fail("tools/list succeeds", describe_exc(exc))
        return None


async def run_meta_checks(adapter: Adapter, checks: Checks, timeout: float, tool_mode: str) -> None:
    """compact and search modes: three meta-tools, and a task through them to the sandbox and back."""
    tools = await list_tools_checked(adapter, checks)
    if tools is None:
        return
    names = [t.name for t in tools]
    expected = (["search_actions", "describe_action", "execute_action"] if tool_mode == "search"
                else ["switchyard_search_actions", "switchyard_describe", "switchyard_execute"])
    checks.ok(names == expected, f"{tool_mode} mode lists exactly {expected}", f"got {names}")
    size = len(json.dumps([t.model_dump(exclude_none=True, by_alias=True, mode="json") for t in tools], separators=(",", ":")).encode())
    checks.ok(size <= 4096, f"{tool_mode} mode's tools/list is at most 4 KB ({size} bytes)")
    if tool_mode == "search":
        found = structured(checks, "search_actions", await adapter.call_tool(
            "search_actions", {"query": "move DEMO-5 to done", "connector": "jira"}, timeout))
        top = ((found or {}).get("matches") or [{}])[0].get("id")
        checks.ok(top == "jira/issues/transition", "search_actions ranks jira/issues/transition first for 'move DEMO-5 to done'", f"got {top}")
        described = structured(checks, "describe_action", await adapter.call_tool("describe_action", {"id": "jira/issues/create"}, timeout))
        props = ((described or {}).get("params") or {}).get("properties") or {}
        checks.ok("summary" in props and "project" in props, "describe_action shows the params of jira/issues/create", f"got {sorted(props)[:10]}")
        created = structured(checks, "execute_action create", await adapter.call_tool(
            "execute_action", {"id": "jira/issues/create", "params": {"project": "DEMO", "issue_type": "Task", "summary": "Created through search mode"}}, timeout))
        key = ((created or {}).get("data") or {}).get("key")
        checks.ok(isinstance(key, str) and key.startswith("DEMO-"), "execute_action creates an issue", f"got {json.dumps(created)[:300]}")
        read = structured(checks, "execute_action get", await adapter.call_tool(
            "execute_action", {"id": "jira/issues/get", "params": {"issue": key or "DEMO-1"}}, timeout))
        summary = (((read or {}).get("data") or {}).get("fields") or {}).get("summary")
        checks.ok(summary == "Created through search mode", "execute_action reads the new issue back", f"got {summary!r}")
        bad = await adapter.call_tool("execute_action", {"id": "jira/issues/fetch", "params": {}}, timeout)
        checks.ok(is_error(bad) and "fetch" in text_of(bad), "an unknown action id is an error naming it", text_of(bad)[:200])
    else:
        found = structured(checks, "switchyard_search_actions", await adapter.call_tool(
            "switchyard_search_actions", {"query": "jira create issue"}, timeout))
        checks.ok(bool((found or {}).get("matches")), "switchyard_search_actions finds matches")
        read = structured(checks, "switchyard_execute", await adapter.call_tool(
            "switchyard_execute", {"connector": "jira", "entity": "issues", "action": "get", "params": {"issue": "DEMO-1"}}, timeout))
        checks.ok(((read or {}).get("data") or {}).get("key") == "DEMO-1", "switchyard_execute reads DEMO-1")


async def run_checks(adapter: Adapter, checks: Checks, timeout: float, tool_mode: str = "actions") -> None:
    if tool_mode in ("compact", "search"):
        await run_meta_checks(adapter, checks, timeout, tool_mode)
        return
    # --- tools/list ---------------------------------------------------------------------------
    tools = await list_tools_checked(adapter, checks)
    if tools is None:
        return
    names = [t.name for t in tools]
    checks.ok(True, f"tools/list succeeds ({len(names)} tools)")
    checks.ok("jira_issues_get" in names and "jira_issues_create" in names,
              "tools include jira_issues_get and jira_issues_create", f"got {names[:20]}")
    if tool_mode == "toolsets":
        # serve --toolsets jira:issues,confluence:pages: exactly those groups, the other connectors' defaults.
        checks.ok("jira_issues_delete" in names and "jira_boards_list" not in names and "confluence_pages_delete" in names,
                  "--toolsets jira:issues,confluence:pages offers those groups and nothing else of them", f"got {sorted(names)[:40]}")
    else:
        checks.ok(len([n for n in names if n.startswith(("jira_", "confluence_"))]) <= 40,
                  "the default toolsets offer at most 40 Jira and Confluence tools", f"got {len(names)}")
    bad_names = [n for n in names if not TOOL_NAME.match(n)]
    checks.ok(not bad_names, "every tool name matches ^[A-Za-z0-9_-]{1,64}$", f"bad: {bad_names[:10]}")
    checks.ok(len(set(names)) == len(names), "tool names are unique",
              f"duplicates: {sorted({n for n in names if names.count(n) > 1})[:10]}")
    bad_schemas = [t.name for t in tools
                   if not isinstance(input_schema(t), dict) or input_schema(t).get("type") != "object"]
    checks.ok(not bad_schemas, 'every tool has an inputSchema with "type": "object"', f"bad: {bad_schemas[:10]}")

    # --- tools/call: read ---------------------------------------------------------------------
    try:
        result = await adapter.call_tool("jira_issues_get", {"issue": "DEMO-1"}, timeout)
        env = envelope(checks, "jira_issues_get DEMO-1", result)
        if env is not None:
            data = env.get("data") if isinstance(env.get("data"), dict) else {}
            checks.ok(not is_error(result) and env.get("ok") is True and data.get("key") == "DEMO-1",
                      "jira_issues_get DEMO-1 returns ok: true and data.key == DEMO-1",
                      f"isError={is_error(result)} envelope={json.dumps(env)[:300]}")
    except Exception as exc:  # noqa: BLE001
        checks.fail("jira_issues_get DEMO-1 call succeeds", describe_exc(exc))

    # --- tools/call: write, then read it back ---------------------------------------------------
    new_key = None
    summary = "Created over MCP"
    try:
        result = await adapter.call_tool(
            "jira_issues_create", {"project": "DEMO", "issue_type": "Task", "summary": summary}, timeout)
        env = envelope(checks, "jira_issues_create", result)
        if env is not None:
            data = env.get("data") if isinstance(env.get("data"), dict) else {}
            key = data.get("key")
            if checks.ok(not is_error(result) and env.get("ok") is True and isinstance(key, str)
                         and re.match(r"^DEMO-\d+$", key) is not None and key != "DEMO-1",
                         "jira_issues_create returns ok: true and a new DEMO key",
                         f"isError={is_error(result)} envelope={json.dumps(env)[:300]}"):
                new_key = key
    except Exception as exc:  # noqa: BLE001
        checks.fail("jira_issues_create call succeeds", describe_exc(exc))

    if new_key is None:
        checks.fail("jira_issues_get on the created issue", "not run: the create check failed")
    else:
        try:
            result = await adapter.call_tool("jira_issues_get", {"issue": new_key}, timeout)
            env = envelope(checks, f"jira_issues_get {new_key}", result)
            if env is not None:
                data = env.get("data") if isinstance(env.get("data"), dict) else {}
                fields = data.get("fields") if isinstance(data.get("fields"), dict) else {}
                got = fields.get("summary", data.get("summary"))
                checks.ok(not is_error(result) and env.get("ok") is True and got == summary,
                          f"jira_issues_get {new_key} shows the summary written over MCP",
                          f"isError={is_error(result)} envelope={json.dumps(env)[:300]}")
        except Exception as exc:  # noqa: BLE001
            checks.fail(f"jira_issues_get {new_key} call succeeds", describe_exc(exc))

    # --- a bad param is a tool error the model can read, not a protocol error ------------------
    try:
        result = await adapter.call_tool("jira_issues_get", {"issuee": "DEMO-1"}, timeout)
        text = text_of(result)
        checks.ok(is_error(result) and "issuee" in text,
                  "a misspelled param (issuee) gives isError: true and names the param",
                  f"isError={is_error(result)} text={text[:300]!r}")
    except Exception as exc:  # noqa: BLE001
        checks.fail("a misspelled param (issuee) gives a tool result with isError: true",
                    f"the call raised instead: {describe_exc(exc)}")

    # --- an unknown tool fails (JSON-RPC error or isError), and the connection survives ---------
    try:
        result = await adapter.call_tool("no_such_tool_xyz", {}, timeout)
        checks.ok(is_error(result), "calling an unknown tool fails",
                  f"got a successful result: {text_of(result)[:200]!r}")
    except Exception as exc:  # noqa: BLE001
        msg = describe_exc(exc)
        checks.ok("timed out" not in msg.lower() and "closed" not in msg.lower(),
                  f"calling an unknown tool fails ({msg[:120]})", msg)
    try:
        result = await adapter.call_tool("jira_issues_get", {"issue": "DEMO-1"}, timeout)
        checks.ok(not is_error(result), "the server still answers after the errors",
                  f"text={text_of(result)[:200]!r}")
    except Exception as exc:  # noqa: BLE001
        checks.fail("the server still answers after the errors", describe_exc(exc))


def report_connection(adapter: Adapter, checks: Checks, expect_version: str | None) -> None:
    info = adapter.server_info
    info_text = f"{info.name} {info.version}" if info is not None else "none given"
    print(f"mcp {MCP_VERSION}: connected via {adapter.path}, protocol version {adapter.version}, "
          f"server {info_text}", flush=True)
    checks.ok(True, f"connect ({adapter.path}, protocol {adapter.version})")
    if expect_version:
        checks.ok(adapter.version == expect_version, f"negotiated protocol version is {expect_version}",
                  f"got {adapter.version} via {adapter.path}")


async def main_v2(params: Any, args: argparse.Namespace, checks: Checks) -> None:
    from mcp import Client

    try:
        client_cm = Client(params, mode=args.mode, read_timeout_seconds=args.timeout,
                           message_handler=checks.message_handler)
        async with client_cm as client:
            session = client.session
            path = "discover" if session.discover_result is not None else "initialize"
            adapter = Adapter(session, path, client.protocol_version, client.server_info, client=client)
            report_connection(adapter, checks, args.expect_version)
            await run_checks(adapter, checks, args.timeout, args.tool_mode)
            checks.check_stream()
    except Exception as exc:  # noqa: BLE001
        if checks.passed == 0 and checks.failed == 0:
            checks.fail("connect (server/discover or initialize)", describe_exc(exc))
        else:
            checks.fail("the session closes cleanly", describe_exc(exc))
        if args.verbose:
            traceback.print_exc()


def transport_v1(params: Any) -> Any:
    """mcp 1.x: stdio, or the Streamable HTTP client for a URL."""
    if isinstance(params, str):
        from mcp.client.streamable_http import streamablehttp_client
        return streamablehttp_client(params)
    from mcp.client.stdio import stdio_client
    return stdio_client(params)


async def main_v1(params: Any, args: argparse.Namespace, checks: Checks) -> None:
    from mcp import ClientSession

    try:
        async with transport_v1(params) as streams:
            read, write = streams[0], streams[1]
            async with ClientSession(read, write, read_timeout_seconds=timedelta(seconds=args.timeout),
                                     message_handler=checks.message_handler) as session:
                init = await session.initialize()
                adapter = Adapter(session, "initialize", init.protocolVersion, init.serverInfo)
                report_connection(adapter, checks, args.expect_version)
                await run_checks(adapter, checks, args.timeout, args.tool_mode)
                checks.check_stream()
    except Exception as exc:  # noqa: BLE001
        if checks.passed == 0 and checks.failed == 0:
            checks.fail("connect (initialize)", describe_exc(exc))
        else:
            checks.fail("the session closes cleanly", describe_exc(exc))
        if args.verbose:
            traceback.print_exc()


def start_http_server(command: str, server_args: list[str], checks: Checks) -> tuple[Any, str]:
    """Starts `switchyard serve ... --http 127.0.0.1:0` and reads the endpoint URL it announces on stderr."""
    server = subprocess.Popen([command, *server_args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    deadline = time.monotonic() + 30
    assert server.stderr is not None
    while time.monotonic() < deadline:
        line = server.stderr.readline()
        if not line:
            break
        match = re.search(r"serving MCP at (\S+)", line)
        if match:
            # Keep draining stderr so the server never blocks on a full pipe.
            threading.Thread(target=server.stderr.read, daemon=True).start()
            return server, match.group(1)
    server.kill()
    checks.fail("the HTTP server announces its URL on stderr", f"exit status {server.poll()}")
    return None, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("switchyard", help="path to the switchyard binary")
    parser.add_argument("--mode", default="auto", choices=["auto", "legacy"],
                        help="mcp 2.x connect mode: auto = discover then fall back to initialize (default); "
                             "legacy = initialize only. mcp 1.x always uses initialize.")
    parser.add_argument("--expect-version", default=None,
                        help="fail unless this protocol version is negotiated (e.g. 2026-07-28)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    parser.add_argument("--total-timeout", type=float, default=60.0, help="whole-run timeout in seconds")
    parser.add_argument("--server-args", default=None, help="arguments for the binary (default: per --tool-mode)")
    parser.add_argument("--tool-mode", default="actions", choices=["actions", "toolsets", "compact", "search"],
                        help="which tool mode to check; picks the server arguments unless --server-args is given")
    parser.add_argument("--http", action="store_true",
                        help="start the server with --http 127.0.0.1:0 and connect over Streamable HTTP")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    command = args.switchyard
    if os.sep in command:
        command = os.path.abspath(command)
    elif shutil.which(command):
        command = shutil.which(command)
    if args.server_args is None:
        args.server_args = {
            "actions": "serve --sandbox",
            "toolsets": "serve --sandbox --toolsets jira:issues,confluence:pages",
            "compact": "serve --sandbox --tools compact",
            "search": "serve --sandbox --tools search",
        }[args.tool_mode]
    checks = Checks()
    if not (os.path.isfile(command) and os.access(command, os.X_OK)):
        checks.fail("switchyard binary exists and is executable", command)
        print(f"mcp_client_check: {checks.passed} passed, {checks.failed} failed", flush=True)
        return 1

    if MCP_MAJOR >= 2:
        from mcp.client.stdio import StdioServerParameters
    else:
        from mcp import StdioServerParameters
    server = None
    if args.http:
        server, url = start_http_server(command, shlex.split(args.server_args) + ["--http", "127.0.0.1:0"], checks)
        if server is None:
            print(f"mcp_client_check: {checks.passed} passed, {checks.failed} failed", flush=True)
            return 1
        params: Any = url
    else:
        # Pass the caller's environment through (the SDKs otherwise keep only HOME/PATH/...).
        params = StdioServerParameters(command=command, args=shlex.split(args.server_args), env=dict(os.environ))
    mode = args.mode if MCP_MAJOR >= 2 else "initialize"
    print(f"mcp_client_check: mcp {MCP_VERSION} (major {MCP_MAJOR}), mode {mode}, "
          f"server: {command} {args.server_args}{' over ' + params if args.http else ''}", flush=True)

    async def run() -> None:
        try:
            with anyio.fail_after(args.total_timeout):
                if MCP_MAJOR >= 2:
                    await main_v2(params, args, checks)
                else:
                    await main_v1(params, args, checks)
        except TimeoutError:
            checks.fail(f"the whole run finishes within {args.total_timeout:g}s")

    anyio.run(run)
    if server is not None:
        # SIGTERM drains the server; it must then exit 0.
        server.terminate()
        try:
            status = server.wait(timeout=20)
            checks.ok(status == 0, "the HTTP server exits 0 after SIGTERM", f"exit status {status}")
        except subprocess.TimeoutExpired:
            server.kill()
            checks.fail("the HTTP server exits within 20s of SIGTERM")
    if checks.passed + checks.failed == 0:
        checks.fail("ran at least one check")
    print(f"mcp_client_check: {checks.passed} passed, {checks.failed} failed", flush=True)
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
