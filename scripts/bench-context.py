#!/usr/bin/env python3
"""What an agent's context pays for Switchyard's tools, next to mcp-atlassian's, and how fast a server starts.

    scripts/bench-context.py SWITCHYARD_BINARY [--peer MCP_ATLASSIAN_BINARY] [--runs N]

Prints Markdown tables:
- tools/list bytes per mode (actions with default toolsets, all toolsets, compact, search) and per tool,
  serialized the same way for both servers (compact JSON of the `tools` array, UTF-8);
- the same for mcp-atlassian (stdio, configured for Jira and Confluence Data Center at a loopback URL),
  when its binary is given and starts; otherwise a line saying it was skipped and why;
- spawn -> `initialize` reply for `switchyard serve`, next to the floor: spawning a process that echoes one
  line, in the same run; and spawn -> `tools/list` reply in search mode.
Only the standard library is used, so it runs with any python3.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}
TOOLS_LIST = {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def read_reply(process, want_id, deadline):
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            return None
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("id") == want_id:
            return message
    return None


def list_tools(command, env, timeout=60):
    """Runs an MCP server over stdio, handshakes, and returns its tools (following nextCursor pages)."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True, bufsize=1)
    deadline = time.monotonic() + timeout
    try:
        process.stdin.write(json.dumps(INITIALIZE) + "\n")
        process.stdin.flush()
        if read_reply(process, 1, deadline) is None:
            return None
        process.stdin.write(json.dumps(INITIALIZED) + "\n")
        tools, cursor, request_id = [], None, 2
        while True:
            request = {"jsonrpc": "2.0", "id": request_id, "method": "tools/list"}
            if cursor:
                request["params"] = {"cursor": cursor}
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            reply = read_reply(process, request_id, deadline)
            if reply is None or "result" not in reply:
                return None
            tools += reply["result"].get("tools", [])
            cursor = reply["result"].get("nextCursor")
            request_id += 1
            if not cursor:
                return tools
    finally:
        process.kill()
        process.wait()


def sizes(tools):
    per_tool = [len(compact(tool)) for tool in tools]
    return len(tools), len(compact(tools)), statistics.median(per_tool) if per_tool else 0


def time_first_reply(command, lines, want_id, env, runs):
    """Median and p90 ms from spawn to the reply with `want_id`, over `runs` spawns."""
    samples = []
    payload = "".join(json.dumps(line) + "\n" for line in lines)
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=env, text=True, bufsize=1)
        process.stdin.write(payload)
        process.stdin.flush()
        reply = read_reply(process, want_id, time.monotonic() + 30)
        samples.append((time.perf_counter() - started) * 1000)
        process.kill()
        process.wait()
        if reply is None:
            return None
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("switchyard")
    parser.add_argument("--peer", help="the mcp-atlassian executable")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("JIRA_", "CONFLUENCE_", "SWITCHYARD_"))}
    # A Data Center site on loopback for both servers: configured, never called by tools/list.
    dc_env = dict(base_env, JIRA_URL="http://127.0.0.1:9/jira", JIRA_PERSONAL_TOKEN="bench-token",
                  CONFLUENCE_URL="http://127.0.0.1:9/confluence", CONFLUENCE_PERSONAL_TOKEN="bench-token")
    serve = [args.switchyard, "serve"]
    rows = [
        ("Jira + Confluence Data Center, default toolsets (actions)", serve, dc_env),
        ("Jira + Confluence Data Center, all toolsets (actions)", serve + ["--toolsets", "all"], dc_env),
        ("Jira + Confluence Cloud, default toolsets (actions)", serve + ["--sandbox", "--connectors", "jira,confluence"], base_env),
        ("all four connectors, all toolsets (actions)", serve + ["--sandbox", "--toolsets", "all"], base_env),
        ("all four connectors (compact)", serve + ["--sandbox", "--tools", "compact"], base_env),
        ("all four connectors (search)", serve + ["--sandbox", "--tools", "search"], base_env),
    ]
    print("## tools/list: what the agent's context carries\n")
    print("| server and mode | tools | bytes | median bytes per tool | mean bytes per tool |")
    print("|---|---|---|---|---|")
    measured = {}
    for label, command, env in rows:
        tools = list_tools(command, env)
        if tools is None:
            print(f"| {label} | failed to list | | | |")
            continue
        count, total, median = sizes(tools)
        measured[label] = (count, total, median)
        print(f"| switchyard: {label} | {count} | {total:,} | {median:,.0f} | {total / count:,.0f} |")
    if args.peer:
        peer_rows = [("TOOLSETS=default", dict(dc_env, TOOLSETS="default")), ("all tools (TOOLSETS=all)", dict(dc_env, TOOLSETS="all"))]
        for label, env in peer_rows:
            tools = list_tools([args.peer], env, timeout=120)
            if tools is None:
                print(f"| mcp-atlassian: {label} | did not start or list | | | |")
                continue
            count, total, median = sizes(tools)
            measured["peer " + label] = (count, total, median)
            print(f"| mcp-atlassian: {label} | {count} | {total:,} | {median:,.0f} | {total / count:,.0f} |")
        ours = measured.get("Jira + Confluence Data Center, all toolsets (actions)")
        theirs = measured.get("peer all tools (TOOLSETS=all)")
        if ours and theirs:
            print(f"\nBytes per tool, median: switchyard {ours[2]:,.0f} / mcp-atlassian {theirs[2]:,.0f} = "
                  f"{ours[2] / theirs[2]:.2f}x; mean: {ours[1] / ours[0]:,.0f} / {theirs[1] / theirs[0]:,.0f} = "
                  f"{(ours[1] / ours[0]) / (theirs[1] / theirs[0]):.2f}x")
    else:
        print("\nmcp-atlassian: skipped (not installed; scripts/bench.sh installs it from PyPI when it can)")

    print("\n## Start-up\n")
    print(f"| what | median ms | p90 ms ({args.runs} spawns) |")
    print("|---|---|---|")
    floor = time_first_reply(["head", "-n", "1"], [INITIALIZE], 1, base_env, args.runs)
    start = time_first_reply(serve, [INITIALIZE], 1, dc_env, args.runs)
    search = time_first_reply(serve + ["--tools", "search"], [INITIALIZE, INITIALIZED, TOOLS_LIST], 2, dc_env, args.runs)
    for label, result in [("spawn floor: a process that echoes one line", floor),
                          ("spawn -> initialize reply (switchyard serve, Jira + Confluence DC)", start),
                          ("spawn -> tools/list reply, search mode", search)]:
        print(f"| {label} | {result[0]:.1f} | {result[1]:.1f} |" if result else f"| {label} | failed | |")


if __name__ == "__main__":
    sys.exit(main())
