#!/bin/bash
# Records kubectl v1.32's `top pod` tables (--sum, --sort-by, --no-headers, --containers) against
# fakemetrics.py, which serves the metrics API. Writes NAME.txt per case (stdout, with trailing blanks).
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=/dev/null HOME=$(mktemp -d)
python3 fakemetrics.py 18781 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18781) 2>/dev/null && break; sleep 0.3; done
k() { "$KUBECTL" -s http://127.0.0.1:18781 "$@"; }
k top pod -A -l tier=demo --sum > all-sum.txt
k top pod -A -l tier=demo --sum --no-headers --sort-by=memory > all-sum-no-headers.txt
k top pod --containers --sum > containers-sum.txt
k top pod --sum --sort-by=cpu > sum-sort-cpu.txt
