#!/usr/bin/env python3
"""Per-phase timeline of a chaos run, from its JSON report, the generator's stream moves and the silo logs.

  loadtests/chaos-timeline.py RESULTS_DIR [--slowest 3]

For each run (each *.json report in RESULTS_DIR) prints, in seconds from the fault: each surviving silo's first
failed probe, failed indirect probe, inconclusive probe (its own execution stalled), vote/eviction, the first
membership snapshot naming the victim dead, the first call to the victim failed ("target silo became unavailable"),
the directory's recovery; the engines' stream moves; and the slowest accounts' way back (last UNAVAILABLE, accepted
check sent, its activation on a survivor with read time, accepted). Run the silos with
  --host-arg --Logging:LogLevel:Orleans.Runtime.MembershipService=Information
  --host-arg --Logging:LogLevel:Grid.Grains.Accounts.AccountGrain=Debug
for the membership and activation lines.
"""
import datetime as dt
import glob
import json
import os
import re
import sys

EVENTS = [
    ("first failed probe", re.compile(r"Did not get response for probe")),
    ("inconclusive probe (own stall)", re.compile(r"Treating as inconclusive")),
    ("failed indirect probe", re.compile(r"Indirect probe request #\d+ to silo .* failed")),
    ("vote / evicting", re.compile(r"Evicting '|Going to mark|suspect", re.I)),
    ("learnt victim dead", re.compile(r"Status=Dead")),
    ("first call to victim failed", re.compile(r"target silo became unavailable")),
    ("directory recovery", re.compile(r"Recovery will be performed")),
    ("at-risk accounts woken", re.compile(r"is dead: woke")),
]
# Timed by their last occurrence within 10 s of the fault (Orleans.Runtime.GrainDirectory at Debug).
LAST_EVENTS = [
    ("directory ranges settled", re.compile(r"Completed recovering activations|Completed transferring entries")),
]
HEAD = re.compile(r"^(\d\d:\d\d:\d\d\.\d{3}) (\w+): ([^\[]+)\[(-?\d+)\]")
ACTIVATED = re.compile(r"Account (\S+) activated in ([\d.]+) ms: read ([\d.]+) ms")


def entries(path):
    """(time of day, category, message) for each two-line console log entry."""
    with open(path, errors="replace") as f:
        lines = f.readlines()
    for i, line in enumerate(lines):
        m = HEAD.match(line)
        if m:
            message = lines[i + 1].strip() if i + 1 < len(lines) else ""
            yield m.group(1), m.group(3), message


def seconds(tod, fault):
    t = dt.datetime.combine(fault.date(), dt.time.fromisoformat(tod), tzinfo=dt.timezone.utc)
    if (t - fault).total_seconds() < -43200:
        t += dt.timedelta(days=1)
    return (t - fault).total_seconds()


def silo_logs(directory, fault):
    """The silo logs of the run whose silos started last before the fault."""
    groups = {}
    for path in glob.glob(os.path.join(directory, "*-silo[0-9]*.log")):
        stem, silo = re.match(r"(.*)-silo(\d+)\.log$", path).groups()
        groups.setdefault(stem, {})[int(silo)] = path
    best, best_start = None, None
    for stem, silos in groups.items():
        first = next(entries(silos[min(silos)]), None)
        if first is None:
            continue
        start = seconds(first[0], fault)
        if start < 0 and (best_start is None or start > best_start):
            best, best_start = silos, start
    return best or {}


def fmt(v):
    return "   -   " if v is None else f"{v:+7.3f}"


def run(report, slowest):
    d = json.load(open(report))
    fault = dt.datetime.fromisoformat(d["faultUtc"])
    print(f"== {os.path.basename(report)}: {d['fault']} at {fault:%H:%M:%S.%f} UTC; load {d.get('loadAverage')}; "
          f"p50 {d['recovery']['p50']} s, max {d['recovery']['max']} s; reconnects {d['sessions']['reconnects']}")
    logs = silo_logs(os.path.dirname(report), fault)
    activations = {}
    for silo, path in sorted(logs.items()):
        firsts = {}
        for tod, category, message in entries(path):
            t = seconds(tod, fault)
            if t < 0 or t > 15:
                continue
            for name, pattern in EVENTS:
                if name not in firsts and pattern.search(message):
                    firsts[name] = t
            for name, pattern in LAST_EVENTS:
                if t <= 10 and pattern.search(message):
                    firsts[name] = t
            m = ACTIVATED.search(message)
            if m:
                activations.setdefault(m.group(1), (silo, t, float(m.group(2)), float(m.group(3))))
        print(f"   silo {silo}: " + "; ".join(f"{n} {fmt(firsts.get(n)).strip()}" for n, _ in EVENTS + LAST_EVENTS if n in firsts))
    for move in d.get("streamMoves", []):
        if move["givenUpAt"] >= -1:
            print(f"   stream {move['stream']}: silo {move['from']} -> {move['to']} ({move['reason']}) given up {move['givenUpAt']:+.3f}, "
                  f"opened {move['openedAt']:+.3f} after {move['attempts']} open(s)")
    stages = d.get("recoveryStages", {})
    order = sorted(stages.items(), key=lambda kv: -(kv[1]["accepted"] if kv[1]["accepted"] is not None else 1e9))
    for account, s in order[:slowest]:
        act = activations.get(account)
        where = f"activated on silo {act[0]} at {act[1]:+.3f} ({act[2]:.0f} ms, read {act[3]:.0f} ms)" if act else "no activation logged"
        print(f"   {account}: last UNAVAILABLE {fmt(s['lastUnavailable'])}, accepted check sent {fmt(s['acceptedSent'])}, {where}, accepted {fmt(s['accepted'])}")


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return
    slowest = int(args[args.index("--slowest") + 1]) if "--slowest" in args else 3
    for report in sorted(glob.glob(os.path.join(args[0], "*.json"))):
        run(report, slowest)


main()
