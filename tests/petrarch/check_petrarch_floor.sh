#!/usr/bin/env bash
# Runs `casus eval petrarch` on the PETRARCH unit-test records (dev split) with the PETR.Validate
# dictionaries and fails when a figure falls below its floor. Exits 77 (ctest SKIP_RETURN_CODE)
# when the shared data folder is absent.
#
# usage: check_petrarch_floor.sh CASUS_BIN DATA_DIR KEY FLOOR [KEY FLOOR ...]
set -u
bin=$1 data=$2
shift 2
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
dir=$data/events/petrarch
dicts=$dir/dictionaries
if [[ ! -f "$dir/PETR.UnitTest.records.dev.xml" || ! -f "$dicts/PETR.Validate.verbs.txt" ]]; then
  echo "SKIP: PETRARCH records not found under the shared data folder ($dir); set CASUS_DATA to run the PETRARCH floors"
  exit 77
fi
floors=()
while [[ $# -ge 2 ]]; do floors+=("$1=$2"); shift 2; done
exec bash "$(dirname "$0")/../check-floors" "${floors[@]}" -- \
  "$bin" eval petrarch "$dir/PETR.UnitTest.records.dev.xml" --json \
  --verbs "$dicts/PETR.Validate.verbs.txt" --actors "$dicts/PETR.Validate.actors.txt" \
  --agents "$dicts/PETR.Validate.agents.txt" --discards "$dicts/PETR.Validate.discards.txt"
