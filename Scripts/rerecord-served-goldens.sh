#!/bin/bash
# Re-records every golden folder whose recording depends on the store's seed (its objects come first, so
# a seed change moves every later resourceVersion, uid and generated name): each folder's own recorder
# runs kubectl v1.32 against a store this build of kubectl-local made. Needs a built
# .build/debug/kubectl-local (swift build) and the v1.32 OpenAPI (OPENAPI, default /work/shared/openapi/v1.32).
#
# Usage: Scripts/rerecord-served-goldens.sh [-j N] [FOLDER...]
#   FOLDER: names under Tests/KubectlCLITests/Golden (default: all listed below). -j N runs N recorders at
#   once (default 3; each mostly waits on kubectl and its fake server). Logs go to $LOGDIR (default a temp
#   folder, printed). Afterwards review `git diff --stat Tests/` and check that the changes are only
#   resourceVersions, uids and masked or random values; then run the folders' golden test suites.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOLDEN=$ROOT/Tests/KubectlCLITests/Golden
export OPENAPI=${OPENAPI:-/work/shared/openapi/v1.32}
export BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
export KUBECTL_LOCAL_BIN=$BIN
JOBS=3
if [ "${1:-}" = "-j" ]; then JOBS=$2; shift 2; fi
# Every folder whose golden files changed when the seed grew (sessions 32 and 33; printers-get, liststream,
# sortties, cluster, zerodrop and the describe fixtures did not). Known noise to review by hand: Go map order
# in describe (restore a file whose lines are only reordered), and an event series' age near a minute boundary
# (kubectl reads a MicroTime against its own clock inside the second: re-record that case, `record.sh CASE`,
# until it prints what kubectl-local prints, which ages it at the middle of the second).
ALL="describeodd describe31 rollingupdate sweep timeflow logspick restsweep workloadverbs rolloutrevisions storedshape"
FOLDERS=${*:-$ALL}
LOGDIR=${LOGDIR:-$(mktemp -d /tmp/rerecord-XXXXXX)}; mkdir -p "$LOGDIR"
[ -x "$BIN" ] || { echo "no $BIN: run swift build first" >&2; exit 1; }
[ -d "$OPENAPI" ] || { echo "no OpenAPI at $OPENAPI" >&2; exit 1; }

# Distinct ports for the recorders that use a fixed one (workloadverbs and rolloutrevisions share a script).
port=18450
record() {
    local d=$1 p=$2
    case $d in
    storedshape) (cd "$GOLDEN/$d" && python3 record.py) ;;
    *) (cd "$GOLDEN/$d" && PORT=$p bash record.sh) ;;
    esac
}

running=0
for d in $FOLDERS; do
    [ -d "$GOLDEN/$d" ] || { echo "no folder $d" >&2; continue; }
    port=$((port + 1))
    ( start=$(date +%s)
      if record "$d" "$port" >"$LOGDIR/$d.log" 2>&1; then s=ok; else s="FAILED (exit $?)"; fi
      echo "$d: $s in $(( $(date +%s) - start ))s, log $LOGDIR/$d.log" ) &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait
echo "logs in $LOGDIR"
git -C "$ROOT" diff --stat -- Tests/ | tail -1
