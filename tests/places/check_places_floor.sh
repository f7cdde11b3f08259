#!/usr/bin/env bash
# Runs `casus eval places` on GUM news + interview documents and fails when a figure falls below
# its floor. Exits 77 (ctest SKIP_RETURN_CODE) when the shared data folder is absent.
#
# usage: check_places_floor.sh CASUS_BIN DATA_DIR SPLIT KEY FLOOR [KEY FLOOR ...]
set -u
bin=$1 data=$2 split=$3
shift 3
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
if [[ ! -d "$data/gum/dep" ]]; then
  echo "SKIP: GUM not found under the shared data folder ($data/gum/dep); set CASUS_DATA to run the places floors"
  exit 77
fi
floors=()
while [[ $# -ge 2 ]]; do floors+=("$1=$2"); shift 2; done
exec bash "$(dirname "$0")/../check-floors" "${floors[@]}" -- \
  "$bin" eval places --json --gum "$data/gum" --split "$split"
