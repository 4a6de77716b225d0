#!/usr/bin/env bash
# TEMPORARY (issue 12, signer decision): SignerVariantsBenchmarks for each signer variant in
# alternating single-fork runs (the order rotates each round), 1 thread, with -prof gc and the
# CPU-time profiler; prints per-variant medians and the median per-round difference to legacy.
#
#   benchmarks/compare-signers.sh [rounds]        # default 5 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
variants=(legacy cloning candidate)
out=benchmarks/target/signer-variants
mkdir -p "$out"
rm -f "$out"/*.json
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < ${#variants[@]}; k++)); do
    v=${variants[$(((r + k) % ${#variants[@]}))]}
    echo "round $r: $v"
    java -jar benchmarks/target/benchmarks.jar 'SignerVariantsBenchmarks' -p variant="$v" -t 1 -f 1 -wi 5 -w 1s \
      -i 3 -r 1s -prof gc -prof io.github.walletproject.benchmarks.CpuTimeProfiler -rf json \
      -rff "$out/round-$r-$v.json" > "$out/round-$r-$v.log"
  done
done
python3 - "$out" <<'PY'
import glob, json, os, statistics, sys
out = sys.argv[1]
rows = {}  # (variant, bench) -> round -> (ns, cpu, bytes)
for path in glob.glob(os.path.join(out, "round-*.json")):
    rnd = int(os.path.basename(path).split("-")[1])
    for result in json.load(open(path)):
        bench = result["benchmark"].rsplit(".", 1)[1]
        variant = result["params"]["variant"]
        sec = result["secondaryMetrics"]
        rows.setdefault((variant, bench), {})[rnd] = (result["primaryMetric"]["score"],
            sec["cpu.time.norm"]["score"], sec["gc.alloc.rate.norm"]["score"])
print("| signer | variant | ns/op (median of rounds) | cpu ns/op | B/op | vs legacy, median per-round diff (ns, cpu ns) |")
print("|---|---|---|---|---|---|")
for bench in ("signerGet", "signerPost"):
    base = rows.get(("legacy", bench), {})
    for variant in ("legacy", "cloning", "pooled", "candidate"):
        data = rows.get((variant, bench), {})
        if not data:
            continue
        med = lambda i: statistics.median(v[i] for v in data.values())
        diffs = [(data[r][0] - base[r][0], data[r][1] - base[r][1]) for r in data if r in base]
        dn = statistics.median(d[0] for d in diffs) if diffs else float("nan")
        dc = statistics.median(d[1] for d in diffs) if diffs else float("nan")
        each = ", ".join(f"{d[0]:+.0f}" for d in diffs)
        print(f"| {bench} | {variant} | {med(0):,.0f} | {med(1):,.0f} | {med(2):,.0f} | {dn:+.0f} ({dc:+.0f} cpu) [{each}] |")
PY
