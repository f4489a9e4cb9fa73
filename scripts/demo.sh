#!/usr/bin/env bash
# The main job end to end, on the built-in sample corpus and the built-in case ukraine-2026.
# Re-running is safe: the store is rebuilt from scratch in $OUT each time.
set -euo pipefail
OUT=${1:-demo-output}
mkdir -p "$OUT"
rm -f "$OUT/accord.db" "$OUT/accord.db-wal" "$OUT/accord.db-shm"
export ACCORD_DB="sqlite:///$OUT/accord.db"
export COLUMNS=${COLUMNS:-160}
ACC=.venv/bin/accord
CORPUS=src/accord/data/sample_corpus
CASE=ukraine-2026

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "1. Ingest the sample corpus ($CORPUS)"
$ACC ingest "$CORPUS"
$ACC docs --plot "$OUT/timeline.png"
$ACC search "security guarantees" --limit 3

step "2. Extract claims (who demands, rejects, proposes, accepts what)"
$ACC extract
$ACC claims --jsonl > "$OUT/claims.jsonl"
echo "claims in the interchange format: $OUT/claims.jsonl"
if [ -f tests/data/sample_corpus.gold.jsonl ]; then
  # per-document and overall precision / recall (the lists of misses and false hits: accord eval)
  $ACC eval tests/data/sample_corpus.gold.jsonl | sed '/^misses (required/,$d'
fi

step "3. Positions: party x issue, changes, contradictions"
$ACC positions --plot "$OUT/positions.png"
# Every cell is backed by claims: show the evidence behind Russia's territorial positions.
$ACC positions --actor RUS --issue territory --evidence
$ACC changes --since 2025-01-01
$ACC changes --since 2026-01-31 --until 2026-02-28 --no-new
$ACC contradictions

step "4. The case $CASE: named proposals scored per party"
$ACC case check "$CASE"
$ACC evaluate "$CASE" --all
# Where the extracted positions disagree with the case's assumed red lines and ideal points.
$ACC calibrate "$CASE"
$ACC calibrate "$CASE" --apply --all --out "$OUT/$CASE-calibrated.toml"

step "5. Could any deal satisfy every red line? Which red lines block it?"
$ACC feasible "$CASE"
$ACC relax "$CASE"

step "6. Bargaining solutions (exact, HiGHS)"
# With every red line in force no deal exists (step 5), so solve over the cheapest relaxation.
for concept in nash ks egalitarian utilitarian; do
  $ACC solve "$CASE" --concept "$concept" --relaxed
done
$ACC improve "$CASE" --deal us_28_point --relaxed --limit 3
$ACC frontier "$CASE" --relaxed --plot "$OUT/frontier.png" >/dev/null
echo "Pareto frontier plot: $OUT/frontier.png"

step "7. Forecasts on the ordered issues (EUM and KTAB's SMP, Monte Carlo)"
$ACC forecast --case "$CASE" --model smp --monte-carlo 200 --seed 0 --plot "$OUT/forecast.png"
$ACC forecast --case "$CASE" --model eum

step "8. Guarantee mechanisms and the order of signing"
$ACC guarantees --case "$CASE" --aggressor RUS --plot "$OUT/guarantees.png"
$ACC guarantees --case "$CASE" --mechanism istanbul-2022
$ACC power "[39; 7x5, 1x10]"
$ACC sequence "$CASE" --claims --plot "$OUT/sequence.svg"

step "9. The brief"
$ACC brief --case "$CASE" --out "$OUT/brief.html" --json "$OUT/brief.json" --strict
echo
echo "Brief written to: $(cd "$OUT" && pwd)/brief.html"
