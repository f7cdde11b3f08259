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
exec bash "$(dirname "$0")/../check-floors" f1="$f1_floor" precision="$p_floor" recall="$r_floor" -- \
  "$bin" eval html --json --dir "$dir" --split "$split"
