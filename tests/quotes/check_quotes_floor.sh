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
json=$("$bin" eval quotes --json --polnear "$data/polnear/data" --split "$split") || {
  echo "FAIL: casus eval quotes failed"
  exit 1
}
echo "$json"
status=0
while [[ $# -ge 2 ]]; do
  key=$1 floor=$2
  shift 2
  v=$(echo "$json" | grep -o "\"$key\": [0-9.]*" | head -n 1 | awk '{print $2}')
  if awk -v v="$v" -v f="$floor" 'BEGIN { exit !(v != "" && v + 0 >= f + 0) }'; then
    echo "ok: $key $v >= floor $floor"
  else
    echo "FAIL: $key ${v:-missing} < floor $floor"
    status=1
  fi
done
exit $status
