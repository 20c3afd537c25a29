#!/bin/bash
# Oracle sweep (b, c): the client-side parts of `get` (-o name, custom-columns, jsonpath, --sort-by over
# names, timestamps, quantities, counts and missing fields) over many kinds, and `events` (--for, --types,
# -A), by kubectl-local and by kubectl v1.32 on the same objects (see lib.sh). Tables are left out: the
# fake server answers lists, not the API server's Table, so kubectl prints only NAME and AGE.
# Usage: bench/sweep/get.sh [filter-regex]   (REUSE=1 OUT=dir reuses a store describe.sh built)
source "$(dirname "$0")/lib.sh"
build_store
start_fake
kinds="pods deployments.apps replicasets.apps statefulsets.apps daemonsets.apps jobs.batch cronjobs.batch services
configmaps secrets serviceaccounts nodes persistentvolumes persistentvolumeclaims storageclasses.storage.k8s.io
ingresses.networking.k8s.io ingressclasses.networking.k8s.io networkpolicies.networking.k8s.io
roles.rbac.authorization.k8s.io rolebindings.rbac.authorization.k8s.io clusterroles.rbac.authorization.k8s.io
horizontalpodautoscalers.autoscaling poddisruptionbudgets.policy priorityclasses.scheduling.k8s.io resourcequotas
limitranges endpoints endpointslices.discovery.k8s.io leases.coordination.k8s.io events namespaces
certificatesigningrequests.certificates.k8s.io customresourcedefinitions.apiextensions.k8s.io widgets.example.com
gadgets.example.com controllerrevisions.apps runtimeclasses.node.k8s.io csidrivers.storage.k8s.io"
cc="'custom-columns=NAME:.metadata.name,NS:.metadata.namespace,LABELS:.metadata.labels,CREATED:.metadata.creationTimestamp,OWNER:.metadata.ownerReferences[0].name'"
jp="'jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.metadata.labels}{\"\\t\"}{.metadata.annotations}{\"\\n\"}{end}'"
{
for r in $kinds; do
    echo "$r-name|get $r -A -o name"
    echo "$r-cc|get $r -A -o $cc"
    echo "$r-jp|get $r -A -o $jp"
    echo "$r-first|get $r -n sw -o 'jsonpath={.items[0]}'"
    echo "$r-sort-name|get $r -A --sort-by=.metadata.name -o name"
    echo "$r-sort-ts|get $r -A --sort-by=.metadata.creationTimestamp -o custom-columns=N:.metadata.name,T:.metadata.creationTimestamp"
    echo "$r-sort-missing|get $r -A --sort-by=.metadata.labels.app -o custom-columns=N:.metadata.name,APP:.metadata.labels.app"
    echo "$r-sort-rv|get $r -A --sort-by=.metadata.resourceVersion -o name"
    echo "$r-sort-uid|get $r -A --sort-by=.metadata.uid -o custom-columns=U:.metadata.uid,N:.metadata.name"
done
cat <<'C'
pods-sort-restarts|get pods -A --sort-by=.status.containerStatuses[0].restartCount -o custom-columns=N:.metadata.name,R:.status.containerStatuses[0].restartCount
pods-sort-cpu|get pods -A --sort-by=.spec.containers[0].resources.requests.cpu -o custom-columns=N:.metadata.name,CPU:.spec.containers[0].resources.requests.cpu
pods-sort-mem|get pods -A --sort-by=.spec.containers[0].resources.limits.memory -o custom-columns=N:.metadata.name,MEM:.spec.containers[0].resources.limits.memory
pods-sort-start|get pods -A --sort-by=.status.startTime -o custom-columns=N:.metadata.name,S:.status.startTime
pods-sort-phase|get pods -A --sort-by=.status.phase -o custom-columns=N:.metadata.name,P:.status.phase,IP:.status.podIP
pods-sort-ip|get pods -A --sort-by=.status.podIP -o name
pods-containers|get pods -n sw -o custom-columns=N:.metadata.name,IMAGES:.spec.containers[*].image,PORTS:.spec.containers[*].ports[*].containerPort
pods-jp-filter|get pods -A -o 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}'
pods-jp-range|get pods -n sw -o 'jsonpath={range .items[*]}{.metadata.name}{":"}{range .spec.containers[*]}{.name}={.image}{","}{end}{"\n"}{end}'
nodes-sort-mem|get nodes --sort-by=.status.capacity.memory -o custom-columns=N:.metadata.name,M:.status.capacity.memory,TAINTS:.spec.taints
pv-sort-cap|get pv --sort-by=.spec.capacity.storage -o custom-columns=N:.metadata.name,C:.spec.capacity.storage,MODES:.spec.accessModes
pc-sort-value|get priorityclasses --sort-by=.value -o custom-columns=N:.metadata.name,V:.value,D:.globalDefault
events-sort-last|get events -n sw --sort-by=.lastTimestamp -o custom-columns=R:.reason,C:.count,O:.involvedObject.name
events-sort-count|get events -n sw --sort-by=.count -o custom-columns=R:.reason,C:.count
deploy-sort-replicas|get deployments -A --sort-by=.spec.replicas -o custom-columns=N:.metadata.name,R:.spec.replicas,S:.spec.strategy
hpa-jp|get hpa -n sw -o 'jsonpath={range .items[*]}{.metadata.name}{" "}{.spec.metrics[*].type}{"\n"}{end}'
widgets-cc|get widgets -n sw -o custom-columns=N:.metadata.name,SIZE:.spec.size,TAGS:.spec.tags,NESTED:.spec.nested
gadgets-jp|get gadgets -o 'jsonpath={.items[0].spec}'
sort-bad-path|get pods -n sw --sort-by=.spec.nope -o name
cc-bad|get pods -n sw -o custom-columns=N:.metadata.name,X:.status.nope.deeper
events-ns|events -n sw
events-all|events -A
events-for-pod|events -n sw --for pod/unschedulable
events-for-deploy|events -n sw --for deployment/web
events-warning|events -n sw --types=Warning
events-normal-all|events -A --types=Normal
events-both|events -n sw --types=Warning,Normal --for=job/indexed
events-json|events -n sw --for pod/minimal -o json
events-yaml|events -n sw --for pod/minimal -o yaml
events-bad-type|events -n sw --types=Bogus
events-no-headers|events -n sw --no-headers --types=Warning
C
} | grep -E "${1:-.}" >"$OUT/get.cases"
same=0; diff=0; random=0
while IFS='|' read -r name cmd; do
    eval "set -- $cmd"
    line=$(compare "get-$name" "$@")
    case $line in
        same*) same=$((same+1));;
        *) r2=$(unstable "get-$name" "$@")
           if [ -n "$r2" ]; then line="RANDOM get-$name"; random=$((random+1)); else diff=$((diff+1)); fi;;
    esac
    echo "$line"
done <"$OUT/get.cases"
echo "get/events sweep: $((same+diff+random)) cases, $diff differ, $random where kubectl itself varies (outputs in $OUT/cases)"
