#!/usr/bin/env python3
"""One Switchyard replica over Streamable HTTP, next to mcp-atlassian, against the same fake Jira Data Center.

    scripts/bench-http.py SWITCHYARD_BINARY [--peer MCP_ATLASSIAN_BINARY] [--duration SECONDS]

Starts `switchyard sandbox` (the fake Atlassian site), then `switchyard serve --http --stateless` configured
for it as Jira Data Center (JIRA_URL + JIRA_PERSONAL_TOKEN), and drives `tools/call` (get issue DEMO-1) with
wrk at 1, 16 and 64 connections in flight. With --peer, mcp-atlassian runs under
`--transport streamable-http --stateless` with the same environment, and gets the same load in the same run.
Prints a Markdown table: calls/s, p50 and p99 latency, and non-2xx replies. Every server's reply is checked
once before the load, so an error answered fast cannot pass for throughput.
wrk comes from Debian's packages (installed when missing and running as root); without it the script says
so and exits 0.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

LUA = r"""
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
for name, value in string.gmatch(os.getenv("BENCH_HEADERS") or "", "([^:;]+):([^;]+)") do
  wrk.headers[name] = value
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            time.sleep(0.1)
    return False


def post(url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Accept": "application/json, text/event-stream", **headers})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    # An SSE answer carries the JSON-RPC message in its data: line.
    for line in text.splitlines():
        if line.startswith("data: "):
            text = line[6:]
    return json.loads(text)


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench-http: installing wrk from Debian's packages", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("wrk") is not None


def parse_ms(text):
    value, unit = float(re.match(r"([\d.]+)", text).group(1)), re.sub(r"[\d.]", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url, body, headers, connections, duration, script):
    env = dict(os.environ, BENCH_BODY=json.dumps(body), BENCH_HEADERS=";".join(f"{k}:{v}" for k, v in headers.items()))
    threads = 1 if connections == 1 else 2
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency",
                          "-s", script, url], env=env, capture_output=True, text=True, timeout=duration + 60).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return rate, p50, p99, int(bad.group(1)) if bad else 0, errors.group(1) if errors else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("switchyard")
    parser.add_argument("--peer", help="the mcp-atlassian executable")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per row")
    args = parser.parse_args()
    if not ensure_wrk():
        print("bench-http: wrk is not installed and could not be installed; skipping the HTTP benchmark")
        return 0
    processes = []
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(LUA)
    script.close()
    try:
        sandbox_port = free_port()
        processes.append(subprocess.Popen([args.switchyard, "sandbox", "--port", str(sandbox_port)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        site = f"http://127.0.0.1:{sandbox_port}"
        if not wait_http(site + "/rest/api/2/serverInfo"):
            print("bench-http: the sandbox did not start")
            return 1
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("JIRA_", "CONFLUENCE_", "SWITCHYARD_"))}
        env = dict(base_env, JIRA_URL=site, JIRA_PERSONAL_TOKEN="sandbox-pat")
        servers = []
        port = free_port()
        processes.append(subprocess.Popen([args.switchyard, "serve", "--http", f"127.0.0.1:{port}", "--stateless"],
                                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        servers.append(("switchyard", f"http://127.0.0.1:{port}/mcp", f"http://127.0.0.1:{port}/readyz",
                        {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                         "params": {"name": "jira-datacenter_issues_get", "arguments": {"issue": "DEMO-1"}}}))
        if args.peer:
            peer_port = free_port()
            processes.append(subprocess.Popen([args.peer, "--transport", "streamable-http", "--stateless", "--host", "127.0.0.1",
                                               "--port", str(peer_port), "--path", "/mcp"],
                                              # Its server-wide credential, as Switchyard's --auth server:
                                              env=dict(env, ALLOW_GLOBAL_CRED_FALLBACK="true", TOOLSETS="all"),
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            servers.append(("mcp-atlassian", f"http://127.0.0.1:{peer_port}/mcp", f"http://127.0.0.1:{peer_port}/mcp",
                            {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                             "params": {"name": "jira_get_issue", "arguments": {"issue_key": "DEMO-1"}}}))
        else:
            print("bench-http: no --peer given; measuring Switchyard alone", file=sys.stderr)
        rows = []
        for name, url, probe, body in servers:
            if not wait_http(probe):
                rows.append(f"| {name} | did not start | | | | | |")
                continue
            reply = post(url, body, {})
            result = reply.get("result", {})
            text = json.dumps(result)
            if reply.get("error") or result.get("isError") or "DEMO-1" not in text:
                rows.append(f"| {name} | the check call failed: {text[:200]} | | | | | |")
                continue
            loads = [("tools/call", body, connections) for connections in (1, 16, 64)]
            if name == "switchyard":
                # The transport alone: `ping` needs no upstream call.
                loads.append(("ping", {"jsonrpc": "2.0", "id": 1, "method": "ping"}, 64))
            for method, payload, connections in loads:
                rate, p50, p99, bad, errors = run_wrk(url, payload, {}, connections, args.duration, script.name)
                note = f"{bad} non-2xx" if bad else "0"
                if errors:
                    note += f"; socket errors: {errors}"
                rows.append(f"| {name} | {method} | {connections} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {note} |")
        cores = os.cpu_count()
        print(f"\n### tools/call over Streamable HTTP (get issue DEMO-1, fake Jira Data Center, {cores} cores, "
              f"{args.duration} s per row, wrk on the same machine)\n")
        print("| server | method | in flight | calls/s | p50 ms | p99 ms | errors |")
        print("|---|---|---:|---:|---:|---:|---|")
        for row in rows:
            print(row)
        return 0
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        os.unlink(script.name)


if __name__ == "__main__":
    sys.exit(main())
