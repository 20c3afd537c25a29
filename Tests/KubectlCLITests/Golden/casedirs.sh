# Sourced by the record.sh scripts whose cases are folders holding a `cmd` file: one `kubectl ...` line,
# run with eval in the script's folder, where `kubectl` is kubectl v1.32 ($KUBECTL). Writes each case's
# stdout, stderr and exit beside its cmd.
#
#   . "$(dirname "$0")/../casedirs.sh"
#   casedirs_fake_kubeconfig PORT FILE     # ../create/_files/fake-kubeconfig pointed at PORT, as FILE
#   casedirs_wait PORT                     # until something listens on 127.0.0.1:PORT (3 s at most)
#   casedirs_names [CASE...]               # prints the named cases, or every folder that has a cmd
#   casedirs_run [CASE...]                 # records those cases
#
# Hooks a script may define: casedirs_before CASE and casedirs_after CASE (run around each case, from
# the case's folder's parent), casedirs_filter_stderr (stdin to stdout: trims stderr before it is written).
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
CASEDIRS_GOLDEN=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kubectl() { "$KUBECTL" "$@"; }

casedirs_fake_kubeconfig() {
    sed "s/18080/$1/" "$CASEDIRS_GOLDEN/create/_files/fake-kubeconfig" >"$2"
}

casedirs_wait() {
    local _
    for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.3; done
    return 1
}

casedirs_names() {
    local d
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; return; fi
    for d in */; do if [ -f "$d/cmd" ]; then echo "${d%/}"; fi; done
}

casedirs_run() {
    local _cases _c _err
    mapfile -t _cases < <(casedirs_names "$@")
    _err=$(mktemp)
    for _c in "${_cases[@]}"; do
        if declare -F casedirs_before >/dev/null; then casedirs_before "$_c"; fi
        eval "$(cat "$_c/cmd")" >"$_c/stdout" 2>"$_err"
        echo $? >"$_c/exit"
        if declare -F casedirs_filter_stderr >/dev/null; then casedirs_filter_stderr <"$_err" >"$_c/stderr"
        else cat "$_err" >"$_c/stderr"; fi
        if declare -F casedirs_after >/dev/null; then casedirs_after "$_c"; fi
    done
    rm -f "$_err"
}
