#!/usr/bin/env bash
# Runs `casus eval ner` / `casus eval coref` and fails when a figure falls below its floor.
# Exits 77 (ctest SKIP_RETURN_CODE) when the shared data folder is absent.
#
# usage: check_entities_floor.sh CASUS_BIN DATA_DIR WHAT KEY FLOOR [KEY FLOOR ...]
#   WHAT: uner-dev | uner-test | gum | coref
set -u
bin=$1 data=$2 what=$3
shift 3
if [[ -n "${CASUS_DATA:-}" ]]; then data=$CASUS_DATA; fi
if [[ ! -d "$data/gum/dep" || ! -d "$data/uner-english-ewt" ]]; then
  echo "SKIP: GUM / UNER not found under the shared data folder ($data); set CASUS_DATA to run the entities floors"
  exit 77
fi
export CASUS_DATA=$data
case $what in
  uner-dev) json=$("$bin" eval ner --json --gold "$data/uner-english-ewt/en_ewt-ud-dev.iob2") ;;
  uner-test) json=$("$bin" eval ner --json --gold "$data/uner-english-ewt/en_ewt-ud-test.iob2") ;;
  gum) json=$("$bin" eval ner --json --gum --split test --genres news,interview) ;;
  coref) json=$("$bin" eval coref --json) ;;
  *) echo "unknown set $what"; exit 2 ;;
esac || { echo "FAIL: casus eval failed"; exit 1; }
echo "$json"
status=0
while [[ $# -ge 2 ]]; do
  key=$1 floor=$2
  shift 2
  v=$(echo "$json" | grep -o "\"$key\": [0-9.]*" | head -n 1 | awk '{print $2}')
  if awk -v v="$v" -v f="$floor" 'BEGIN { exit !(v != "" && v + 0 >= f + 0) }'; then
    echo "ok: $key $v >= floor $floor"
  else
    echo "FAIL: $key ${v:-missing} is below the floor $floor"
    status=1
  fi
done
exit $status
