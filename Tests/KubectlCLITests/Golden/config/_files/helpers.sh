# Sourced by record.sh (kubectl) and ConfigGoldenTests (kubectl-local) before each case.
# k: one command, then its exit code on both streams (so each line can be told apart).
k() { kubectl "$@"; local rc=$?; echo "[$rc]"; echo "[$rc]" >&2; }
# h: a command that prints its help (whose prose is our own): only the usage line of stdout is kept.
h() { local out rc; out=$(kubectl "$@"); rc=$?; printf '%s\n' "$out" | grep -A1 '^Usage:' | tail -n 1; echo "[$rc]"; echo "[$rc]" >&2; }
