#!/usr/bin/env python3
"""The journey search page under concurrent searches (issue 16): N workers request /mobilite with varied journeys for
a given time, each waiting for its answer before the next (no think time); prints p50/p95/p99 and errors.

Usage: bench/mobility/search-load.py http://127.0.0.1:5997 [--concurrent 20] [--seconds 20] [--date 2026-12-08]
Only the Python standard library: runs wherever the app runs."""
import argparse, concurrent.futures, statistics, time, urllib.parse, urllib.request

PLACES = ["Catus (46150)", "Cahors Hôpital Jean Rougier", "Pradines (46090)", "Cahors Gare", "Arcambal (46090)",
          "Laroque-des-Arcs Port", "Mercuès (46090)", "Cahors (46000)", "Saint Géry-Vers (46090)", "Catus Place de la Libération"]
HOURS = ["06:30", "07:45", "08:00", "09:15", "12:00", "14:30", "17:00", "18:15"]

def urls(base, date):
    for i, a in enumerate(PLACES):
        for j, b in enumerate(PLACES):
            if a != b:
                hour = HOURS[(i + j) % len(HOURS)]
                yield f"{base}/mobilite?" + urllib.parse.urlencode({"de": a, "a": b, "date": date, "heure": hour, "sens": "arriver" if (i + j) % 3 == 0 else "partir"})

def worker(queries, deadline, offset):
    times, errors, n = [], 0, offset
    while time.monotonic() < deadline:
        url = queries[n % len(queries)]
        n += 7
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                body = r.read()
                if r.status != 200 or b"Trouver un trajet" not in body:
                    errors += 1
        except Exception:
            errors += 1
        times.append((time.perf_counter() - start) * 1000)
    return times, errors

def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("--concurrent", type=int, default=20)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--date", required=True)
    a = p.parse_args()
    queries = list(urls(a.base.rstrip("/"), a.date))
    worker(queries, time.monotonic() + 3, 0)  # warm-up: JIT, pools, the network loaded
    deadline = time.monotonic() + a.seconds
    with concurrent.futures.ThreadPoolExecutor(a.concurrent) as pool:
        results = list(pool.map(lambda k: worker(queries, deadline, k), range(a.concurrent)))
    times = sorted(t for r in results for t in r[0])
    errors = sum(r[1] for r in results)
    q = statistics.quantiles(times, n=100)
    print(f"concurrent: {a.concurrent}, requests: {len(times)} in {a.seconds:.0f} s ({len(times) / a.seconds:.0f}/s), errors: {errors}")
    print(f"p50_ms: {q[49]:.1f}, p95_ms: {q[94]:.1f}, p99_ms: {q[98]:.1f}, max_ms: {times[-1]:.1f}")

if __name__ == "__main__":
    main()
