# Sourced by record.sh (kubectl) and ConfigGoldenTests (kubectl-local) before each case.
# k: one command, then its exit code on both streams (so each line can be told apart).
k() { kubectl "$@"; local rc=$?; echo "[$rc]"; echo "[$rc]" >&2; }
# h: a command that prints its help (whose prose is our own): only the usage line of stdout is kept.
h() { local out rc; out=$(kubectl "$@"); rc=$?; printf '%s\n' "$out" | grep -A1 '^Usage:' | tail -n 1; echo "[$rc]"; echo "[$rc]" >&2; }
# p: a command whose error text holds Go pointers or a panic's trace: its first stderr line, with
# addresses written PTR, then the exit code (stdout kept as is).
p() { local rc; { kubectl "$@" 2>&1 1>&3 | head -n 1 | sed 's/0xc[0-9a-f]*/PTR/g' >&2; } 3>&1; rc=${PIPESTATUS[0]}; echo "[$rc]"; echo "[$rc]" >&2; }
