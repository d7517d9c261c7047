#!/usr/bin/env python3
"""Drives N `tools/call` requests at a fixed number in flight through one URL (HAProxy in front of replicas),
kills one replica with SIGKILL part-way, and reports what the client saw.

    load.py URL --requests 20000 --concurrency 64 [--kill-pid PID --kill-after 5000] [--body JSON]

A request that fails (connection reset, 5xx from the balancer, a JSON-RPC or tool error) is counted as an
error and retried, up to 3 times; the run fails if any request is still failing after that, or if more
requests failed than were in flight when the replica died (concurrency + a margin for the balancer's own
health-check window). Prints one JSON line with the counts and the rate.
"""
import argparse
import asyncio
import json
import os
import signal
import sys
import time

import httpx


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--kill-pid", type=int)
    parser.add_argument("--kill-after", type=int, default=5000)
    parser.add_argument("--body", required=True, help="the JSON-RPC request to send (its id is replaced)")
    parser.add_argument("--expect", required=True, help="text every successful reply contains")
    args = parser.parse_args()
    body = json.loads(args.body)
    counts = {"ok": 0, "errors": 0, "retried": 0, "failed": 0, "killed_at": None}
    next_index = 0
    started = time.monotonic()
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)

    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        async def one(index: int) -> None:
            payload = dict(body, id=index)
            for attempt in range(4):
                try:
                    response = await client.post(args.url, json=payload, headers={"Accept": "application/json"})
                    text = response.text
                    if response.status_code == 200 and args.expect in text and '"isError":false' in text:
                        counts["ok"] += 1
                        if attempt:
                            counts["retried"] += 1
                        return
                except httpx.HTTPError:
                    pass
                counts["errors"] += 1
            counts["failed"] += 1

        async def worker() -> None:
            nonlocal next_index
            while next_index < args.requests:
                index = next_index
                next_index += 1
                if args.kill_pid and index == args.kill_after:
                    os.kill(args.kill_pid, signal.SIGKILL)
                    counts["killed_at"] = index
                await one(index)

        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    elapsed = time.monotonic() - started
    counts["seconds"] = round(elapsed, 2)
    counts["calls_per_second"] = round(args.requests / elapsed)
    print(json.dumps(counts), flush=True)
    lost_budget = args.concurrency + 16
    if counts["ok"] != args.requests or counts["failed"]:
        print(f"load: {counts['failed']} requests still failed after retries", file=sys.stderr)
        return 1
    if counts["errors"] > lost_budget:
        print(f"load: {counts['errors']} errors, more than the {lost_budget} that can be in flight on one replica", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
