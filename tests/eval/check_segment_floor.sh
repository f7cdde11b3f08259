#!/usr/bin/env bash
# Runs `casus eval segment --json` on gold CoNLL-U files and fails when token or sentence F1 falls
# below a floor. Exits 77 (ctest SKIP_RETURN_CODE) when the shared data folder is absent.
#
# usage: check_segment_floor.sh CASUS_BIN DATA_DIR TOKENS_FLOOR SENTENCES_FLOOR PATTERN...
#   PATTERN: CoNLL-U file paths relative to DATA_DIR; shell globs allowed (quoted).
set -u
bin=$1 data=$2 tokens_floor=$3 sentences_floor=$4
shift 4
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
if [[ ! -d "$data" ]]; then
  echo "SKIP: shared data folder not found ($data); set CASUS_DATA to run accuracy floors"
  exit 77
fi
files=()
for pattern in "$@"; do
  for f in $data/$pattern; do
    [[ -f "$f" ]] && files+=(--conllu "$f")
  done
done
if [[ ${#files[@]} -eq 0 ]]; then
  echo "SKIP: no gold files matching $* under $data"
  exit 77
fi
exec bash "$(dirname "$0")/../check-floors" tokens_f1="$tokens_floor" sentences_f1="$sentences_floor" -- \
  "$bin" eval segment --json "${files[@]}"
