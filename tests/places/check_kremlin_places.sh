#!/usr/bin/env bash
# The first sample article through `casus code`: Moscow, Finland and the Kremlin resolve to the
# right country and coordinates (issue 4's check). Needs no shared data.
#
# usage: check_kremlin_places.sh CASUS_BIN SOURCE_DIR
set -u
bin=$1 src=$2
out=$("$bin" code "$src/examples/articles/kremlin-drone-2023-05-03.md") || { echo "FAIL: casus code failed"; exit 1; }
status=0
# expect TEXT COUNTRY LAT_PREFIX LON_PREFIX: the first place written TEXT has that country and
# coordinates starting with the given digits (about 0.1 degree).
expect() {
  local place
  place=$(echo "$out" | grep -o "{\"id\":\"p[0-9]*\",\"text\":\"$1\"[^}]*}" | head -n 1)
  if [[ -z "$place" ]]; then
    echo "FAIL: no place written $1"
    status=1
  elif [[ "$place" != *"\"country\":\"$2\""* || "$place" != *"\"lat\":$3"* ||
          "$place" != *"\"lon\":$4"* ]]; then
    echo "FAIL: $1 resolved to $place (want country $2, lat $3.., lon $4..)"
    status=1
  else
    echo "ok: $place"
  fi
}
expect Moscow RUS 55.7 37.6
expect Finland FIN 64 26
expect Kremlin RUS 55.7 37.6
exit $status
