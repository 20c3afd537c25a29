#!/bin/bash
# Records kubectl v1.32 on the session-34 audit's objects (manifests/, written before either binary ran:
# RBAC, NetworkPolicy, Ingress/IngressClass, HPA with six metric types, PDBs, quotas, a LimitRange of three
# types, a ServiceAccount, PriorityClasses, a StorageClass, PVs, a CronJob, Endpoints/EndpointSlices,
# webhooks, a CSR, with digits in names, odd quantities, empty lists). kubectl-local (BIN) creates
# manifests/ at T0 in a fresh store; every object is dumped at T1 and served by the describe goldens'
# fake_cluster.py. cases.txt: NAME<TAB>kubectl arguments; writes golden/NAME.{stdout,stderr,exit}.
# DescribeAuditGoldenTests replays: create at T0, the command at T1.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_start $T1
served_record_cases "$@"
