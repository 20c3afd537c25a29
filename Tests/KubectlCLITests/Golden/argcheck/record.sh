#!/bin/bash
# Records kubectl v1.32 on argument and flag checks it makes before contacting a server, and on
# --local changes. Same recorder as Golden/badinput (each case's `cmd` run in _files/ with `kubectl`
# standing for the real binary, KUBECONFIG=/dev/null): usage `record.sh [CASE...]` (default: all).
# A case that reaches a server prints a connection error and belongs in Golden/create instead.
exec bash "$(cd "$(dirname "$0")" && pwd)/../badinput/record.sh" --dir "$(cd "$(dirname "$0")" && pwd)" "$@"
