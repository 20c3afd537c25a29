#!/bin/bash
# Issue 11: the cost of the first command after a store sat idle. A store with CronJobs (every minute,
# hourly, with and without startingDeadlineSeconds, Forbid/Replace/Allow), Jobs (one failing with
# retries, one with a TTL) and Deployments is made at T0, then one `get pods -A` runs at T0 + each
# interval on a fresh copy. Prints the interval, CPU seconds (user+sys), peak RSS (MB) and the pod count.
# Usage: bench/idle.sh [BIN]   (a release build: swift build -c release)
set -u
BIN=${1:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/kubectl-local}
W=$(mktemp -d /tmp/idle.XXXX); trap 'rm -rf "$W"' EXIT
T0=2026-01-01T00:00:00Z
cat >"$W/m.yaml" <<'Y'
apiVersion: batch/v1
kind: CronJob
metadata: {name: every-minute}
spec:
  schedule: "* * * * *"
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: ["true"]}]}}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: every-minute-fails}
spec:
  schedule: "*/1 * * * *"
  concurrencyPolicy: Allow
  jobTemplate: {spec: {backoffLimit: 3, template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: [sh, -c, "exit 1"]}]}}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hourly-deadline}
spec:
  schedule: "0 * * * *"
  startingDeadlineSeconds: 200
  concurrencyPolicy: Replace
  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: busybox, command: [sleep, "600"]}]}}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: forbid}
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: [sleep, "100000"]}]}}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: retrying}
spec:
  backoffLimit: 6
  template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: [sh, -c, "exit 2"]}]}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: ttl}
spec:
  ttlSecondsAfterFinished: 60
  template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox, command: ["true"]}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: crashing}
spec:
  replicas: 3
  selector: {matchLabels: {app: crash}}
  template: {metadata: {labels: {app: crash}}, spec: {containers: [{name: c, image: busybox, command: [sh, -c, "exit 1"]}]}}
Y
KUBECTL_LOCAL_NOW=$T0 "$BIN" --store "$W/base.db" create -f "$W/m.yaml" >/dev/null
printf '%-10s %8s %8s %8s %6s %6s\n' interval wall_s cpu_s rss_mb pods events
for iv in "1 hour" "1 day" "1 week" "30 days" "365 days" "730 days"; do
    rm -f "$W"/run.db*; for f in "$W"/base.db*; do cp "$f" "$W/run.db${f#$W/base.db}"; done
    now=$(date -u -d "$T0 + $iv" +%Y-%m-%dT%H:%M:%SZ)
    /usr/bin/time -f '%U %S %M %e' -o "$W/t" env KUBECTL_LOCAL_NOW=$now "$BIN" --store "$W/run.db" get pods -A --no-headers >"$W/out" 2>&1
    read -r u s m e <"$W/t"
    pods=$(wc -l <"$W/out")
    ev=$(KUBECTL_LOCAL_NOW=$now "$BIN" --store "$W/run.db" get events -A --no-headers 2>/dev/null | wc -l)
    printf '%-10s %8.2f %8.2f %8.1f %6s %6s\n' "$iv" "$e" "$(echo "$u + $s" | bc)" "$(echo "$m / 1024" | bc -l)" "$pods" "$ev"
done
