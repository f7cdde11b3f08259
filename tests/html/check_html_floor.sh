#!/usr/bin/env bash
# Runs `casus eval html --json` on the article extraction benchmark and fails when F1 or
# precision or recall of one split falls below its floor. Exits 77 (ctest SKIP_RETURN_CODE) when
# the benchmark is absent.
#
# usage: check_html_floor.sh CASUS_BIN DATA_DIR SPLIT F1_FLOOR PRECISION_FLOOR RECALL_FLOOR
set -u
bin=$1 data=$2 split=$3 f1_floor=$4 p_floor=$5 r_floor=$6
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
dir=$data/html-articles
if [[ ! -f "$dir/ground-truth.json" || ! -d "$dir/html" ]]; then
  echo "SKIP: the article extraction benchmark is not in the shared data folder ($dir); set CASUS_DATA to run the HTML floors"
  exit 77
fi
json=$("$bin" eval html --json --dir "$dir" --split "$split") || {
  echo "FAIL: casus eval html failed"
  exit 1
}
echo "$json"
value() { echo "$json" | grep -o "\"$1\": [0-9.]*" | head -n 1 | awk '{print $2}'; }
status=0
check() {
  if awk -v v="$2" -v f="$3" 'BEGIN { exit !(v + 0 >= f + 0) }'; then
    echo "ok: $split $1 $2 >= floor $3"
  else
    echo "FAIL: $split $1 $2 is below the floor $3"
    status=1
  fi
}
check f1 "$(value f1)" "$f1_floor"
check precision "$(value precision)" "$p_floor"
check recall "$(value recall)" "$r_floor"
exit $status
