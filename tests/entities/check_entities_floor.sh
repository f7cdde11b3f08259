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
  uner-dev) cmd=(eval ner --json --gold "$data/uner-english-ewt/en_ewt-ud-dev.iob2") ;;
  uner-test) cmd=(eval ner --json --gold "$data/uner-english-ewt/en_ewt-ud-test.iob2") ;;
  gum) cmd=(eval ner --json --gum --split test --genres news,interview) ;;
  coref) cmd=(eval coref --json) ;;
  *) echo "unknown set $what"; exit 2 ;;
esac
floors=()
while [[ $# -ge 2 ]]; do floors+=("$1=$2"); shift 2; done
exec bash "$(dirname "$0")/../check-floors" "${floors[@]}" -- "$bin" "${cmd[@]}"
