#!/usr/bin/env bash
# Times the whole `oncallc check` process (start, read, validate, plan, render, self-check,
# compare, exit) on the example and on synthetic models of three sizes, and reports peak memory.
#
#   scripts/bench-process.sh            # needs hyperfine and GNU time:
#                                       #   apt-get install -y hyperfine time
#
# Each model is written to a temporary directory and built there first, so `check` finds its
# output up to date (the pre-commit case). Prints a markdown table; hyperfine's own results
# (JSON, markdown, warnings) are kept in $OUT (default: a temporary directory, printed at the
# end). Wall-clock times need a quiet machine; the CPU column is less sensitive to other load.
# SIZES="sites:people:environments ..." and RUNS=N change what is measured.
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "missing $tool: apt-get install -y hyperfine time" >&2
        exit 2
    }
done

SIZES=${SIZES:-"50:500:500 100:1000:1000 200:2000:2000"}
RUNS=${RUNS:-30}
WORK=$(mktemp -d)
OUT=${OUT:-$WORK/results}
mkdir -p "$OUT"
trap 'rm -rf "$WORK/models"' EXIT

cargo build --release --quiet --bin oncallc --example synthetic
ONCALLC=$PWD/target/release/oncallc
SYNTHETIC=$PWD/target/release/examples/synthetic

# name -> model path
declare -a NAMES=() MODELS=()
mkdir -p "$WORK/models/example"
cp examples/acm/oncall.yaml "$WORK/models/example/oncall.yaml"
NAMES+=(example)
MODELS+=("$WORK/models/example/oncall.yaml")
for size in $SIZES; do
    IFS=: read -r sites people environments <<<"$size"
    name="synthetic-$sites-$people-$environments"
    mkdir -p "$WORK/models/$name"
    "$SYNTHETIC" "$sites" "$people" "$environments" >"$WORK/models/$name/oncall.yaml"
    NAMES+=("$name")
    MODELS+=("$WORK/models/$name/oncall.yaml")
done

echo "| model | model size | files | check mean ± σ | min | user+sys CPU | max RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}
    model=${MODELS[$i]}
    dir=$(dirname "$model")
    (cd "$dir" && "$ONCALLC" build oncall.yaml --out generated >/dev/null)
    (cd "$dir" && "$ONCALLC" check oncall.yaml --out generated >/dev/null)
    (cd "$dir" && hyperfine --style none --warmup 3 --runs "$RUNS" -N \
        --export-json "$OUT/$name.json" --export-markdown "$OUT/$name.md" \
        "$ONCALLC check oncall.yaml --out generated" >/dev/null 2>"$OUT/$name.log")
    rss=$(cd "$dir" && /usr/bin/time -v "$ONCALLC" check oncall.yaml --out generated 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident set size/ {print $2}')
    files=$(find "$dir/generated" -type f | wc -l)
    bytes=$(wc -c <"$model")
    python3 - "$OUT/$name.json" "$name" "$bytes" "$files" "$rss" <<'EOF'
import json, sys
path, name, size, files, rss = sys.argv[1:]
r = json.load(open(path))["results"][0]
ms = lambda s: f"{s * 1000:.1f} ms"
print(f"| {name} | {int(size) / 1024:.0f} KiB | {files} | {ms(r['mean'])} ± {ms(r['stddev'])} "
      f"| {ms(r['min'])} | {ms(r['user'] + r['system'])} | {int(rss) / 1024:.1f} MiB |")
EOF
done
echo
echo "hyperfine results: $OUT"
