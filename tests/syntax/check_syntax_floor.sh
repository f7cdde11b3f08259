#!/usr/bin/env bash
# Runs `casus eval syntax --json` on gold CoNLL-U files and fails when a metric falls below its
# floor. Exits 77 (ctest SKIP_RETURN_CODE) when the shared data or the model file is absent.
#
# usage: check_syntax_floor.sh CASUS_BIN DATA_DIR MODEL GOLD [--raw] METRIC=FLOOR...
#   GOLD: a CoNLL-U path relative to DATA_DIR, or several separated by commas (scored together).
#   METRIC: upos xpos ufeats lemma uas las words.
set -u
bin=$1 data=$2 model=$3 gold=$4
shift 4
raw=()
if [[ "${1:-}" == "--raw" ]]; then raw=(--raw); shift; fi
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
golds=()
IFS=, read -r -a files <<<"$gold"
for f in "${files[@]}"; do
  if [[ ! -f "$data/$f" ]]; then
    echo "SKIP: gold file not found ($data/$f); set CASUS_DATA to run accuracy floors"
    exit 77
  fi
  golds+=(--gold "$data/$f")
done
if [[ ! -f "$model" ]]; then
  echo "SKIP: syntax model not found ($model); train it with tools/train-syntax"
  exit 77
fi
exec bash "$(dirname "$0")/../check-floors" "$@" -- \
  "$bin" eval syntax --json --model "$model" "${golds[@]}" "${raw[@]}"
