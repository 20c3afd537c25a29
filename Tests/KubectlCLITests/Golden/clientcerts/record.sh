#!/bin/bash
# Records kubectl v1.32's client-side checks of the certificate and key files a kubeconfig or the flags
# name (--client-certificate, --client-key, --certificate-authority; clientcmd's ConfirmUsable): which
# commands check, the texts, the exit code, and the cases that pass the check (their output must then be
# kubectl-local's usual one). Each case's `cmd` is a bash command line run in _files/ with `kubectl`
# standing for the real binary; writes `stdout`, `stderr`, `exit` beside it, the _files path as $FILES.
# The kubeconfigs in _files name a server nothing listens on (http://127.0.0.1:1): every case either fails
# the check or runs client-side only (--dry-run=client, version --client, config, kustomize). Over http
# kubectl loads no TLS material, so only the checks every command makes are recorded (not the PEM and
# x509 parsing an https server adds).
#   record.sh [CASE...]   (default: all)
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
export HOME=$(mktemp -d) KUBECONFIG=/dev/null
trap 'rm -rf "$HOME"' EXIT
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
