#!/bin/sh
# Records `kubectl kustomize cases/NAME` from the real kubectl v1.32 where its kustomize (v5.5) may panic
# (an images name that is not a Go regexp): stdout, exit code, and stderr up to `goroutine 1 [running]:`
# (the goroutine dump after it holds addresses that change from run to run).
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
mkdir -p expected
for dir in cases/*/; do
  name=$(basename "$dir")
  "$KUBECTL" kustomize "cases/$name" >"expected/$name.out" 2>"$here/.err"
  echo $? >"expected/$name.code"
  sed '/^goroutine 1 \[running\]:$/q' "$here/.err" >"expected/$name.err"
  rm -f "$here/.err"
done
