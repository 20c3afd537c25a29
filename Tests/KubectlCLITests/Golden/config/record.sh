#!/bin/bash
# Records kubectl v1.32's `config` answers (no server needed). Usage: record.sh [CASE...] (default: all).
# Each case's `cmd` is a bash script run in _files/ with `kubectl` standing for the real binary, starting
# from the kubeconfig kubectl-local starts with (context, cluster and user `local`; the cluster's server
# names the store). The kubeconfig is DIR/store.kubeconfig beside the store DIR/store.db, as in
# kubectl-local; DIR is written as @DIR@ in stdout/stderr, and _files/ (the working directory) as @FILES@. Writes `stdout`, `stderr`, `exit` per case.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do d=${d%/}; [ -f "$d/cmd" ] && cases+=("${d##*/}"); done
fi
cd "$here/_files"
for c in "${cases[@]}"; do
  DIR=$(mktemp -d)
  export HOME=$DIR KUBECONFIG=$DIR/store.kubeconfig
  kubectl config set-cluster local --server="local://$DIR/store.db" >/dev/null
  kubectl config set-credentials local >/dev/null
  kubectl config set-context local --cluster=local --user=local >/dev/null
  kubectl config use-context local >/dev/null
  ( source ./helpers.sh; eval "$(cat "$here/$c/cmd")" ) >"$DIR/out" 2>"$DIR/err"
  echo $? >"$here/$c/exit"
  sed "s#$DIR#@DIR@#g; s#$here/_files#@FILES@#g" "$DIR/out" >"$here/$c/stdout"
  sed "s#$DIR#@DIR@#g; s#$here/_files#@FILES@#g" "$DIR/err" >"$here/$c/stderr"
  rm -rf "$DIR"
done
