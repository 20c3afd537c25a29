#!/bin/bash
# Records kubectl v1.32 on the flags that change nothing offline (OfflineFlagTests): the errors for
# values kubectl refuses (pflag's parsers, klog's -v/--vmodule, Go's flag package, --profile, kustomize's
# --load-restrictor), and kustomize's root-only file loading, which --load-restrictor turns off.
# Each case's `cmd` is a bash command line run in _files/ with `kubectl` standing for the real binary
# (KUBECONFIG=/dev/null); writes `stdout`, `stderr`, `exit` beside it, the _files path written as $FILES.
#   record.sh [CASE...]   (default: all)
# No case may reach a server or write a profile (a valid --profile writes profile.pprof).
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
export HOME=$(mktemp -d) KUBECONFIG=/dev/null
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do d=${d%/}; [ -f "$d/cmd" ] && cases+=("${d##*/}"); done
fi
cd "$here/_files"
for c in "${cases[@]}"; do
  eval "$(cat "$here/$c/cmd")" >"$here/$c/stdout" 2>"$here/$c/stderr"
  echo $? >"$here/$c/exit"
  sed -i "s|$here/_files|\$FILES|g" "$here/$c/stdout" "$here/$c/stderr"
done
rm -rf "$HOME"
