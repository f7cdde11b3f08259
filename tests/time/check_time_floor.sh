#!/usr/bin/env bash
# Runs `casus eval time --json` on the GUM dates and fails when recognition F1 or value accuracy
# (all selected documents) falls below a floor. Exits 77 (ctest SKIP_RETURN_CODE) when the shared
# data folder is absent.
#
# usage: check_time_floor.sh CASUS_BIN DATA_DIR GENRES F1_FLOOR VALUE_FLOOR
set -u
bin=$1 data=$2 genres=$3 f1_floor=$4 value_floor=$5
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
if [[ ! -d "$data/gum/dep" ]]; then
  echo "SKIP: GUM not found under the shared data folder ($data/gum/dep); set CASUS_DATA to run the time floors"
  exit 77
fi
exec bash "$(dirname "$0")/../check-floors" f1="$f1_floor" value_accuracy="$value_floor" -- \
  "$bin" eval time --json --gum "$data/gum" --genres "$genres"
