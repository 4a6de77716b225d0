#!/usr/bin/env bash
# Builds the benchmarks and runs the suite: every benchmark with 1 and with 2 threads, then the
# cold-burst access check, then bare and starter clients in alternating rounds (3 rounds per fork
# count: 2f + 1), and prints one table with the figures and the target ratios.
#
#   benchmarks/run.sh                      # about 10 minutes on 2 cores
#   benchmarks/run.sh -f 2                 # steadier: 2 forks, 5 paired rounds (about 17 minutes)
#   SKIP_BUILD=1 benchmarks/run.sh         # reuse benchmarks/target/benchmarks.jar
#   benchmarks/run.sh --paired [rounds] [calls]   # the goals of issue 23 from thread CPU time in
#                                          # paired rounds in one JVM (PairedCpuProbe, ~6 min): steadier on a
#                                          # busy machine; table also in benchmarks/target/results-paired-table.md
#
# Raw JMH results go to benchmarks/target/results-*.json, the table also to
# benchmarks/target/results-table.md. Run it on an otherwise idle machine: the wall-clock
# columns count whatever else the CPUs are doing; the "cpu" figures and the bytes do not.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
fi

if [[ "${1:-}" == "--paired" ]]; then
  shift
  echo "Machine: $(nproc) CPUs, $(uname -srm); $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
    io.github.walletproject.benchmarks.PairedCpuProbe "${1:-21}" "${2:-20000}" | tee benchmarks/target/results-paired-log.txt
  sed -n '/^| figure/,$p' benchmarks/target/results-paired-log.txt > benchmarks/target/results-paired-table.md
  exit 0
fi

# 5 s of warm-up: the starter's call path is deep and needs it before C2 has compiled it all.
# Each default applies unless the same option is given on the command line.
defaults=(-f 1 -wi 5 -w 1s -i 3 -r 1s)
options=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  given=""
  for arg in "$@"; do
    if [[ "$arg" == "${defaults[i]}" ]]; then given=1; fi
  done
  if [[ -z "$given" ]]; then options+=("${defaults[i]}" "${defaults[i + 1]}"); fi
done

echo "Machine: $(nproc) CPUs, $(uname -srm); $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
java -cp benchmarks/target/benchmarks.jar io.github.walletproject.benchmarks.Suite ${options[@]+"${options[@]}"} "$@" \
  | tee benchmarks/target/results-log.txt
sed -n '/^| figure/,$p' benchmarks/target/results-log.txt > benchmarks/target/results-table.md
