#!/usr/bin/env python3
"""Writes known-differences.jsonl from compare.py's output (lines `DIFF NAME ...`): each line that still
differs with the reason of its cause (the README's "Oracle sweep of kustomize" lists them).
Usage: ./compare.py BIN > /tmp/diff.txt; ./known.py /tmp/diff.txt"""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
REASONS = [
    # (test on the case's kustomization text or name, reason)
    (lambda n, k: n.startswith("s3-") and n in ERRORS,
     "a NaN or infinite number in a resource: kubectl's error prints the Go map (%#v), kubectl-local names the file"),
    (lambda n, k: n.startswith("s3-"),
     "kyaml keeps a scalar's text as written (annotation values `0x1F`, `~`, `1_000`, `-0`, `0123`, `Null`; a 20-digit number; a plain date in ConfigMap data read as a timestamp); kubectl-local keeps the decoded value"),
    (lambda n, k: "replacements:" in k, "replacements are not carried out by kubectl-local"),
    (lambda n, k: "vars:" in k, "vars (legacy) are not carried out by kubectl-local"),
    (lambda n, k: "components:" in k, "components are not carried out by kubectl-local"),
    (lambda n, k: "sortOptions:" in k, "sortOptions is not carried out by kubectl-local"),
    (lambda n, k: "crds:" in k, "crds (OpenAPI name references of custom kinds) are not carried out by kubectl-local"),
    (lambda n, k: "transformerAnnotations" in k, "buildMetadata transformerAnnotations (alpha.config.kubernetes.io/transformations) are not written by kubectl-local"),
    (lambda n, k: n in ("s2-patch-023", "s2-patch-031", "s2-patch-045", "s2-patch-060"),
     "kustomize reads patches as YAML 1.2 (`added: yes` stays the string \"yes\"); kubectl-local's decoder is YAML 1.1 (true)"),
    (lambda n, k: "https://" in k, "remote resources: kubectl-local works offline (kubectl's text names the DNS server)"),
    (lambda n, k: n.startswith("err-010"), "kustomize reads resources as YAML 1.2 (`name: y` is a string); kubectl-local's decoder is YAML 1.1"),
    (lambda n, k: n.startswith("err-038"), "kustomize's namespace ID-conflict check (its text dumps internal annotations) is not made"),
    (lambda n, k: n.startswith("err-039"), "a legacy JSON 6902 patch file that is not a list: kustomize's config dump is not reproduced"),
]
ROUND4 = []  # round 4's differences (create -k label decoding, a strategic merge dropping `k0:`) are fixed
ROUND5 = [
    (lambda n: n.startswith("s5-cfgscope-011"),
     "a field spec conflict found when a kustomization's table joins the accumulated one: kubectl's error prints the whole table with Go's %v (`merging config &{...}`, in the order its unstable sort leaves); kubectl-local prints the conflict alone"),
    (lambda n: n.startswith("s5-cfgscope-019") or n.startswith("s5-nameref5-009"),
     "a name reference with several possible referrals: kubectl's error wraps it in its field walk and dumps the referrer and candidates as YAML with kustomize's internal annotations; kubectl-local prints the ids alone"),
    (lambda n: n.startswith("s5-helm-"),
     "--enable-helm: kubectl checks the chart's values files, then runs helm; kubectl-local refuses to run helm"),
]
names = [l.split()[1] for l in open(sys.argv[1]) if l.startswith("DIFF ")]
ERRORS = {l.split()[1] for l in open(sys.argv[1]) if l.startswith("DIFF ") and l.split()[2].startswith("err")}
out = []
for n in names:
    case = n.split("#")[0]
    kz = ""
    for root, _, files in os.walk(os.path.join(here, "cases", case)):
        for f in files:
            if f == "kustomization.yaml":
                kz += open(os.path.join(root, f), encoding="utf-8").read()
    reason = next((r for t, r in ROUND4 + ROUND5 if t(n)), None) or next((r for t, r in REASONS if t(case, kz)), None)
    if reason is None and n.endswith("#create"):
        reason = "create -k --dry-run=client: kubectl prints a string where the type wants a number (minReadySeconds: \"10\"); kubectl-local decodes the objects into their types and refuses it"
    reason = reason or "not yet classified"
    out.append({"name": n, "reason": reason})
with open(os.path.join(here, "known-differences.jsonl"), "w", encoding="utf-8") as f:
    for o in out: f.write(json.dumps(o) + "\n")
from collections import Counter
for r, c in Counter(o["reason"] for o in out).most_common(): print(c, r)
