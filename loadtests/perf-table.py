#!/usr/bin/env python3
"""Renders one run of loadtests/perf-table.sh as Markdown: issue 14's table (grid against the gRPC echo
of the same generator run) and which of the issue's targets the run meets.

    perf-table.py --run N --commit SHA --prices R --load "1.0 2.0 3.0" --cores 2 MARKET CLOSED.json OPEN.json [...]
"""
import argparse
import json

# Issue 14, item 2: the targets, per loop.
RATIO_MIN = 0.6
CPU_MAX = 2.0
BYTES_MAX = 1024
P99_MAX = 3.0


def server_us(phase):
    cpu = phase.get("cpu") or {}
    if cpu.get("server") is None or not phase.get("throughput"):
        return None
    return cpu["server"] / phase["throughput"] * 1e6


def num(value, fmt="{:,.0f}"):
    return "?" if value is None else fmt.format(value)


def ms(micros):
    if micros is None:
        return "?"
    return f"{micros / 1000:.2f}" if micros < 10_000 else f"{micros / 1000:.1f}"


def ratio(a, b):
    return a / b if a is not None and b else None


def feed(phase):
    m = phase.get("market")
    if not m:
        return "–"
    ack = m.get("ackLatency") or {}
    failed = f", failed: {m['failure']}" if m.get("failure") else ""
    return f"{m['published']:,}/{m['acked']:,}, {ms(ack.get('p50'))} / {ms(ack.get('p99'))}{failed}"


def verdict(name, value, limit, at_least=False, fmt="{:.2f}"):
    if value is None:
        return f"{name} ? (not measured)"
    met = value >= limit if at_least else value <= limit
    return f"{name} {fmt.format(value)} ({'≥' if at_least else '≤'} {fmt.format(limit)}: {'met' if met else 'NOT met'})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--run", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--prices", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--cores", required=True)
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    if len(args.reports) % 3:
        parser.error("reports come in threes: MARKET CLOSED.json OPEN.json")

    rows, targets, settings = [], [], None
    for i in range(0, len(args.reports), 3):
        market = "still" if args.reports[i] == "still" else f"--prices {args.prices} --profile market-maker"
        for loop, path in (("closed", args.reports[i + 1]), ("open", args.reports[i + 2])):
            report = json.load(open(path, encoding="utf-8"))
            settings = settings or report.get("settings", {})
            g, e = report.get("grid") or {}, report.get("echo") or {}
            gl, el = g.get("latency") or {}, e.get("latency") or {}
            name = g.get("load", loop).replace("x", "×") if loop == "closed" else f"open {g.get('offeredRate', 0):,.0f}/s (½ max)"
            through = ratio(g.get("throughput"), e.get("throughput"))
            cpu = ratio(server_us(g), server_us(e))
            p99 = ratio(gl.get("p99"), el.get("p99"))
            rows.append(
                f"| {market} | {name} | {num(g.get('throughput'))} | {num(e.get('throughput'))} | {num(through, '{:.2f}')} "
                f"| {num(server_us(g), '{:.1f}')} / {num(server_us(e), '{:.1f}')} ({num(cpu, '{:.1f}')}×) "
                f"| {num(g.get('serverBytesPerMessage'))} / {num(e.get('serverBytesPerMessage'))} "
                f"| {ms(gl.get('p50'))} / {ms(el.get('p50'))} | {ms(gl.get('p99'))} / {ms(el.get('p99'))} ({num(p99, '{:.1f}')}×) "
                f"| {ms(gl.get('p999'))} / {ms(el.get('p999'))} | {feed(g)}; {feed(e)} | {g.get('faults', '?')} / {e.get('faults', '?')} |")
            checks = [verdict("server CPU/msg grid/echo", cpu, CPU_MAX), verdict("server B/msg", g.get("serverBytesPerMessage"), BYTES_MAX, fmt="{:,.0f}")]
            checks.insert(0, verdict("grid/echo", through, RATIO_MIN, at_least=True) if loop == "closed" else verdict("p99 grid/echo", p99, P99_MAX))
            targets.append(f"- {market}, {name}: " + "; ".join(checks))

    print(f"\n### Run {args.run} (commit {args.commit}; {args.cores} cores, load average at the end {args.load})\n")
    if settings:
        print(f"Settings: {settings.get('timing', '?')}; {settings.get('mix', '?')}; accounts {settings.get('accounts', '?')}.\n")
    print("| market | loop | grid msgs/s | echo msgs/s | grid/echo | server µs/msg grid / echo | server B/msg grid / echo "
          "| p50 ms grid / echo | p99 ms grid / echo | p99.9 ms grid / echo | price batches sent/acked, ack p50 / p99 ms: grid; echo | faults grid / echo |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    print("\n".join(rows))
    print("\nIssue 14's targets in this run:\n")
    print("\n".join(targets))


if __name__ == "__main__":
    main()
