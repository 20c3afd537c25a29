#!/bin/bash
# Records kubectl v1.32's `rollout undo` and `rollout history` of daemon sets and stateful sets with several
# revisions, through ../workloadverbs/record.sh run on this folder: BIN (a build of this repo) makes the
# store (the commands of `seed`, objects.yaml); gen_routes.py dumps its workload objects, which
# ../create/fakeapi.py serves as the API server writes JSON (FAKEAPI_COMPACT: kubectl compares a
# ControllerRevision's data byte for byte with its own encoding of the live object), with the rest of the workload API, NotFound texts and writes echoed
# back. Each case folder's `cmd` is one `kubectl ...` line run in this folder; writes stdout, stderr and
# exit beside it (client-go's `reflector.go:` watch warnings dropped). RolloutRevisionGoldenTests replays
# the same seed.
# Usage: record.sh [CASE...]
here=$(cd "$(dirname "$0")" && pwd)
CASES_DIR=$here PORT=${PORT:-18394} FAKEAPI_COMPACT=1 exec bash "$here/../workloadverbs/record.sh" "$@"
