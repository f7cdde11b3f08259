#!/usr/bin/env bash
# Runs `casus eval quotes` on PolNeAR and fails when a figure falls below its floor.
# Exits 77 (ctest SKIP_RETURN_CODE) when the shared data folder is absent.
#
# usage: check_quotes_floor.sh CASUS_BIN DATA_DIR SPLIT KEY FLOOR [KEY FLOOR ...]
set -u
bin=$1 data=$2 split=$3
shift 3
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
if [[ ! -d "$data/polnear/data/$split/text" ]]; then
  echo "SKIP: PolNeAR not found under the shared data folder ($data/polnear/data/$split); set CASUS_DATA to run the quotes floors"
  exit 77
fi
floors=()
while [[ $# -ge 2 ]]; do floors+=("$1=$2"); shift 2; done
exec bash "$(dirname "$0")/../check-floors" "${floors[@]}" -- \
  "$bin" eval quotes --json --polnear "$data/polnear/data" --split "$split"
