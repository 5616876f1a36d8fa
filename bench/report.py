#!/usr/bin/env python3
"""Tables of bench/run.sh, read from its results directory.

  report.py DIR run N     the table of run N
  report.py DIR median    medians over every run in DIR
  report.py DIR startup   startup times: medians of the service with and without its AOT cache, and the reference's

DIR/measurements.tsv has one line per scenario and run (written by run.sh):
  run  key  scenario  wrk-output-file  peak-rss-KiB  startup-ms  note  cpu-ticks
DIR/startups.tsv has one line per start: round  what  ms.
The numbers come from the raw wrk outputs (--latency), which stay in DIR; cpu-ticks is the JVM's
utime + stime (/proc/PID/stat) over the scenario, divided here by the requests wrk completed.
"vs ref" is each scenario's req/s over the constant reference's (e), "vs insert" the posts' (c) over
the durable Hibernate insert's (f), both of the same run (issue 21 aims at 0.7 or more for the latter).
"""
import os
import re
import statistics
import sys
from pathlib import Path

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def latency_ms(text, percentile):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s|m)\s*$" % percentile, text, re.M)
    return float(m.group(1)) * UNITS_MS[m.group(2)] if m else None


def parse_wrk(text):
    """requests/s, p50, p99, errors (non-2xx/3xx + socket errors), and what the Lua scripts add."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    timeouts = int(socket.group(4)) if socket else 0
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in socket.groups()) if socket else 0)
    notes = []
    if timeouts:
        notes.append("%d timeouts >2s (not in latency)" % timeouts)
    for pattern in (r"^posts: (\d+ sent, \d+ accepted)", r"^approvals: (\d+ sent, \d+ answered 200), over (\d+) distinct ids",
                    r"^inserts: (\d+ sent, \d+ created)"):
        m = re.search(pattern, text, re.M)
        if m:
            notes.append(", ".join(m.groups()) + (" ids" if len(m.groups()) > 1 else ""))
            sent, answered = (int(n) for n in re.findall(r"\d+", m.group(1))[:2])
            if answered < sent / 2:   # normally only the last 32 in flight are unanswered
                notes.append("MOSTLY UNANSWERED")
    body = re.search(r"^inserts: .*, request body up to (\d+) B$", text, re.M)
    if body:
        notes.append("request body %s B" % body.group(1))
    if "TOKENS EXHAUSTED" in text:
        notes.append("TOKENS EXHAUSTED")
    completed = re.search(r"^\s+(\d+) requests in", text, re.M)
    requests = int(completed.group(1)) if completed else 0
    if completed and int(completed.group(1)) == 0:
        notes.append("NO REQUEST COMPLETED")
    answered = completed and int(completed.group(1)) > 0   # wrk prints 0.00us latencies otherwise
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p50": latency_ms(text, 50) if answered else None,
        "p99": latency_ms(text, 99) if answered else None,
        "errors": errors,
        "requests": requests,
        "wrk_notes": notes,
    }


def load(directory):
    rows = []
    for line in (directory / "measurements.tsv").read_text().splitlines():
        run, key, scenario, wrk_file, rss_kib, startup_ms, note, *cpu = line.split("\t")
        row = parse_wrk((directory / wrk_file).read_text())
        ticks = int(cpu[0]) if cpu and cpu[0] else None
        requests = row.pop("requests")
        row["cpu_ms"] = ticks * 1000 / CLOCK_TICKS / requests if ticks is not None and requests else None
        row.update(run=int(run), key=key, scenario=scenario, rss_mib=int(rss_kib) / 1024 if rss_kib else None,
                   startup_ms=int(startup_ms) if startup_ms else None,
                   notes=([note] if note else []) + row.pop("wrk_notes"))
        rows.append(row)
    # Ratio to the constant reference (e) of the same run; for the posts (c), also to the insert reference (f).
    for row in rows:
        ref = next((r for r in rows if r["run"] == row["run"] and r["key"] == "e"), None)
        row["ratio"] = row["rps"] / ref["rps"] if ref and ref["rps"] and row["rps"] is not None else None
        insert = next((r for r in rows if r["run"] == row["run"] and r["key"] == "f"), None)
        row["vs_insert"] = (row["rps"] / insert["rps"] if row["key"] == "c" and insert and insert["rps"]
                            and row["rps"] is not None else None)
    return rows


def fmt(value, digits):
    return "-" if value is None else "%.*f" % (digits, value)


COLUMNS = [("scenario", "<", None), ("req/s", ">", 1), ("p50 ms", ">", 2), ("p99 ms", ">", 2),
           ("errors", ">", 0), ("vs ref", ">", 3), ("vs insert", ">", 3), ("CPU ms/req", ">", 3), ("peak RSS MiB", ">", 0),
           ("startup ms", ">", 0), ("notes", "<", None)]


def table(rows):
    cells = [[r["scenario"], fmt(r["rps"], 1), fmt(r["p50"], 2), fmt(r["p99"], 2), fmt(r["errors"], 0),
              fmt(r["ratio"], 3), fmt(r["vs_insert"], 3), fmt(r["cpu_ms"], 3), fmt(r["rss_mib"], 0), fmt(r["startup_ms"], 0),
              "; ".join(r["notes"])] for r in rows]
    widths = [max(len(c[0]), *(len(row[i]) for row in cells)) for i, c in enumerate(COLUMNS)]
    lines = []
    for row in [[c[0] for c in COLUMNS]] + cells:
        lines.append("  ".join(("%-*s" if COLUMNS[i][1] == "<" else "%*s") % (widths[i], v)
                               for i, v in enumerate(row)).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def startup_table(directory):
    """Medians of the starts in startups.tsv, and the service's over the reference's."""
    starts = {}
    for line in (directory / "startups.tsv").read_text().splitlines():
        _, what, ms = line.split("\t")
        starts.setdefault(what, []).append(int(ms))
    reference = median(starts.get("reference", []))
    lines = ["startup, ms from launching java to the first 200 (fresh data directory each time)",
             "%-18s %8s %8s %8s  %s" % ("", "median", "min", "max", "vs reference (median)")]
    for what in ("service-aot", "service-no-cache", "reference"):
        values = starts.get(what)
        if values:
            ratio = median(values) / reference if reference else None
            lines.append("%-18s %8.0f %8d %8d  %s   (%d starts: %s)" % (
                what, median(values), min(values), max(values), fmt(ratio, 2), len(values),
                " ".join(str(v) for v in values)))
    return "\n".join(lines)


def main():
    directory, mode = Path(sys.argv[1]), sys.argv[2]
    if mode == "startup":
        print(startup_table(directory))
        return
    rows = load(directory)
    if mode == "run":
        print(table([r for r in rows if r["run"] == int(sys.argv[3])]))
        return
    runs = sorted({r["run"] for r in rows})
    medians = []
    for key in sorted({r["key"] for r in rows}):
        group = [r for r in rows if r["key"] == key]
        flags = sorted({"timeouts" if "timeouts" in n else n for r in group for n in r["notes"]
                        if n in ("TOKENS EXHAUSTED", "NO REQUEST COMPLETED", "MOSTLY UNANSWERED") or "timeouts" in n})
        medians.append({
            "scenario": group[0]["scenario"],
            **{k: median([r[k] for r in group]) for k in ("rps", "p50", "p99", "errors", "ratio", "vs_insert", "cpu_ms", "rss_mib", "startup_ms")},
            "notes": ["errors per run: " + "/".join(str(r["errors"]) for r in group)] + (["flagged: " + ", ".join(flags)] if flags else []),
        })
    print("medians over %d run(s)" % len(runs))
    print(table(medians))


if __name__ == "__main__":
    main()
