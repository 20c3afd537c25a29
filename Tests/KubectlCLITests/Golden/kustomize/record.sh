#!/bin/sh
# Records `kubectl kustomize cases/NAME` from the real kubectl v1.32 (kustomize v5.5, no cluster needed)
# into expected/NAME.out (stdout), expected/NAME.err (stderr) and expected/NAME.code (exit code).
# Absolute paths of this folder in messages are written as $ROOT.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
mkdir -p expected
for dir in cases/*/; do
  name=$(basename "$dir")
  "$KUBECTL" kustomize "cases/$name" >"expected/$name.out" 2>"expected/$name.err"
  echo $? >"expected/$name.code"
  sed -i "s|$here|\$ROOT|g" "expected/$name.out" "expected/$name.err"
done
