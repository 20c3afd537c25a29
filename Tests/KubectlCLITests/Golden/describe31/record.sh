#!/bin/bash
# Records kubectl v1.32's `describe` of the session-31 audit objects (manifests/, written with cases.txt
# before either binary ran): HPA v2 with every metric type and a missing target, PDBs, quotas and limit
# ranges with odd quantities, NetworkPolicies (egress only, empty rules, endPort, ipBlock), Ingress and
# IngressClass, EndpointSlices (IPv6, FQDN, no ports), webhooks (none, selectors, match conditions),
# storage classes, PVs (CSI, hostPath, iSCSI), claims, CronJobs, aggregated ClusterRoles, bindings and
# service accounts. kubectl-local (BIN) creates manifests/ at T0 in a fresh store; every object is dumped
# at T1 and served by fake_cluster.py. Each line of cases.txt is NAME<TAB>kubectl arguments; writes
# golden/NAME.{stdout,stderr,exit}. Describe31GoldenTests replays: create at T0, the command at T1.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_start $T1
served_record_cases "$@"
