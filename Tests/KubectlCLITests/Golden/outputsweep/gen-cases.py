#!/usr/bin/env python3
"""Writes cases.jsonl for the oracle sweep of output formats: one case a line, {"group": ..., "args": [...]},
the arguments after `kubectl`, run with fx/ as the working directory, fully offline (`--local -f`,
`create ... --dry-run=client`). The cases were written before running either binary; record.py then
records kubectl v1.32's answers (and drops the cases whose output changes between runs: Go map order)."""
import json, os
cases = []
def add(group, *args): cases.append({"group": group, "args": list(args)})
def lbl(fx, *out): return ["label", "--local", "-f", fx, "sw=1", "--overwrite", *out]
FX = ["deploy.yaml", "cm.json", "mixed.json", "nulls.yaml", "multi.yaml"]
def pick(i, n=2):
    """n fixtures for the i-th template, in turn, so every template meets several kinds."""
    return [FX[(i + 2 * k) % len(FX)] for k in range(n)]

# ---------- jsonpath, go-template, custom-columns, formats (label --local) ----------
def lbl(fx, *out): return ["label", "--local", "-f", fx, "sw=1", "--overwrite", *out]
FX = ["deploy.yaml", "cm.json", "mixed.json", "nulls.yaml", "multi.yaml"]
# jsonpath over several kinds
jp = [
 "{.metadata.labels.example\\.com/owner}", "{.metadata.labels['example.com/owner']}", "{.data.key\\.with\\.dots}",
 "{.data['key.with.dots']}", "{.data.uni}", "{.data.tab}", "{.binaryData.bin}", "{.metadata.annotations.note}",
 "{.spec.template.spec.containers[*].args}", "{.spec.template.spec.containers[0].args[*]}", "{.spec.template.spec.containers[0].args[3]}",
 "{.spec.template.spec.containers[*].env[?(@.value)].name}", "{.spec.template.spec.containers[*].env[?(@.value==\"\")].name}",
 "{.spec.template.spec.containers[*].env[?(@.valueFrom.fieldRef.fieldPath==\"metadata.name\")].name}",
 "{.spec.template.spec.containers[*].ports[?(@.containerPort>100)].name}", "{.spec.template.spec.containers[*].ports[?(@.protocol!=\"TCP\")].name}",
 "{.spec.template.spec.containers[?(@.name==\"side\")].command[-1]}", "{.spec.template.spec.containers[-1:].name}",
 "{.spec.template.spec.containers[0:1].image}", "{.spec.template.spec.containers[*].resources.limits}",
 "{.spec.template.spec.containers[0].resources.requests.cpu}", "{.status.conditions[?(@.status==\"False\")].message}",
 "{.status.conditions[?(@.message)].type}", "{.spec.replicas}{\"/\"}{.status.readyReplicas}", "{.spec.paused}",
 "{range .status.conditions[*]}{.type}={.status}{\"\\n\"}{end}", "{range .spec.template.spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}",
 "{range .spec.template.spec.containers[*]}{range .ports[*]}{.containerPort},{end};{end}",
 "{range .items[*]}{.kind}{\" \"}{.metadata.name}{\"\\n\"}{end}", "{.items[*].metadata.name}", "{.items[?(@.kind==\"Pod\")].metadata.name}",
 "{.items[?(@.spec.priority<0)].metadata.name}", "{.items[?(@.spec.priority>=10)].metadata.name}",
 "{.items[*].status.containerStatuses[?(@.ready==true)].name}", "{.items[*].status.containerStatuses[?(@.ready==false)].name}",
 "{.items[*].status.containerStatuses[?(@.restartCount>2)].name}", "{.items[*].spec.ports[?(@.targetPort==\"http\")].port}",
 "{.items[*].spec.ports[?(@.targetPort==5353)].port}", "{.items[*].data.pw}", "{.items[*].spec.parallelism}", "{.items[*].spec.completions}",
 "{.items[*].stringData}", "{.items[-2].metadata.name}", "{.items[1:3].metadata.name}", "{.items[::2].metadata.name}", "{.items[0,2].metadata.name}",
 "{.items[*].metadata['name','namespace']}", "{.items[0].spec.containers[0].ports}", "{.items[*].spec.nodeSelector}",
 "{.spec.extra.nested}", "{.spec.extra.nested[*]}", "{.spec.extra.nested[1][1]}", "{.spec.extra.nested[1][1][0]}", "{.spec.extra.nested[3]}",
 "{.spec.extra.nested[4].k}", "{.spec.extra.nested[*][0]}", "{.spec.extra.big}", "{.spec.extra.small}", "{.spec.extra.neg}",
 "{.spec.extra.t}{.spec.extra.f}", "{.spec.extra.s}", "{.spec.nodeName}", "{.spec.activeDeadlineSeconds}", "{.spec.terminationGracePeriodSeconds}",
 "{.spec.tolerations[?(@.key)].operator}", "{.spec.tolerations[?(@.effect==\"NoSchedule\")]}", "{.spec.containers[0].securityContext}",
 "{.spec.containers[0].volumeMounts}", "{.metadata.labels}", "{.spec.extra}", "{.spec.extra.nested[?(@==null)]}",
 "{.spec.extra.nested[-1]}", "{.spec.extra.nested[-6]}", "{.spec.extra.nested[2][0]}",
 "{.subjects[*].name}", "{.roleRef.name}", "{.spec.template.spec.containers[*].image}", "{.spec.selector}",
 "{.kind} {.apiVersion}", "{.metadata.name}{\"\\n\"}", "{.metadata.namespace}", "{..name}", "{..image}", "{..containerPort}",
 "{.metadata.labels.version}", "{.metadata.labels.n}", "{.metadata.annotations}", "{.spec.template.metadata}",
 "{.spec.template.spec.containers[?(@.name=~/^m/)].name}", "{.spec.template.spec.containers[?(@.image)].name}",
 "{.spec.template.spec.containers[?(@.ports[0].containerPort==80)].name}", "{.spec.template.spec.containers[?(!@.command)].name}",
 "{.spec.template.spec.containers[?(@.name in ['main'])].name}", "{.spec.template.spec.containers[?(@.name==\"main\" && @.image)].name}",
 "{.spec.template.spec.containers[?(@.name==\"main\" || @.name==\"side\")].name}",
 "{.spec.template.spec.containers[?(@.name < \"n\")].name}", "{.spec.template.spec.containers[?(@.name > \"n\")].name}",
 "{.spec.replicas[0]}", "{.spec.replicas.x}", "{.spec[0]}", "{.spec.template.spec.containers.name}",
 "{.spec.template.spec.containers[*].name[0]}", "{.spec.template.spec.containers[2].name}",
 "{.metadata.labels[example.com/owner]}", "{.metadata.labels[\"app\"]}", "{.metadata.labels['app','tier']}",
 "{.metadata.labels.*}", "{.metadata.*}", "{.spec.template.spec.containers[*].*}", "{.status.*}", "{$.kind}", "{@.kind}",
 "{.data.json}", "{range .data.*}{@};{end}", "{range .metadata.labels}{@}{end}",
 "{range @}{.kind}{end}", "{range .items[*]}{.metadata.name}{end}{.kind}", "{range .items[*]}{range .spec.containers[*]}{.name} {end}{\"\\n\"}{end}",
 "{\"\\u00e9\"}", "{\"\\r\\n\"}", "{'a\"b'}", "{\"it's\"}", "{\"\\\"\"}", "{\"\\t\"}{.kind}", "x{\"\"}y", "{\"\\q\"}",
 "{.kind}{end}", "{range .items[*]}", "{.items[*].metadata.name", "{.a[?(@.b==)]}", "{.a[?(@.b=='x)]}", "{.a[1:2:3:4]}",
 "{.a[-]}", "{.items[0][1]}", "{.items[*].metadata.name}{range .items[*]}{end}", "{.kind}{{.kind}}", "{..}", "{...name}",
 "{.metadata.name.}", "{.metadata..}", "{.metadata[name]}", "{.metadata['name]}", "{.items[999999999999999999999]}",
 "{.items[?(@.metadata.labels.app==\"x\")].metadata.labels.rank}", "{.items[?(@.metadata.namespace)].metadata.namespace}",
 "{.items[?(@.status.phase!=\"Running\")].metadata.name}", "{.items[*].spec.containers[?(@.ports)].ports[*].containerPort}",
 "{.items[?(@.kind==\"Job\")].spec.template.spec.restartPolicy}", "{.items[*].type}",
]
for i, t in enumerate(jp):
    for fx in pick(i):
        add("jp", *lbl(fx, "-o", "jsonpath=" + t))
for t in ["{.spec.nodeName}", "{.spec.extra.nested[3]}", "{.items[*].stringData}", "{.items[*].spec.completions}",
          "{.data.nope}", "{.items[*].metadata.namespace}", "{.items[*].status.phase}", "{.metadata.annotations.empty}",
          "{.spec.template.spec.containers[*].command}", "{range .items[*]}{.metadata.namespace}{end}",
          "{.items[?(@.kind==\"Secret\")].type}", "{.spec.extra.nested[9]}", "{.metadata.labels}", "{.nope}",
          "{.spec.extra.nested[?(@.k)]}", "{.status.conditions[*].message}"]:
    for fx in FX:
        add("jp-strict", *lbl(fx, "-o", "jsonpath=" + t, "--allow-missing-template-keys=false"))
for t in ["{.metadata.name}", "{.items[*].metadata.name}", "{.spec.extra.nested}", "{.spec.extra}", "{.metadata.labels}",
          "{.data}", "{.spec.template.spec.containers[*].ports}", "{range .items[*]}{.kind}{end}", "{.nope}", "{.spec.extra.big}",
          "{.items[*].spec.containers[*].ports}", "{..image}", "{.spec.replicas}", "{.spec.paused}", "{.data.uni}"]:
    for fx in FX:
        add("jp-json", *lbl(fx, "-o", "jsonpath-as-json=" + t))
# go-template
gt = [
 "{{.metadata.name}}", "{{index .metadata.labels \"example.com/owner\"}}", "{{index .data \"key.with.dots\"}}",
 "{{range .items}}{{.kind}}/{{.metadata.name}}{{\"\\n\"}}{{end}}", "{{range $i, $e := .items}}{{$i}}={{$e.metadata.name}} {{end}}",
 "{{len .items}}", "{{len .metadata.labels}}", "{{len .metadata.name}}", "{{printf \"%q\" .metadata.name}}", "{{printf \"%v\" .spec}}",
 "{{printf \"%d\" .spec.replicas}}", "{{printf \"%T\" .spec.replicas}}", "{{printf \"%v\" .spec.extra.big}}", "{{printf \"%T\" .spec.extra.big}}",
 "{{.spec.extra.big}}", "{{.spec.extra.small}}", "{{.spec.extra.neg}}", "{{.spec.extra.nested}}", "{{.spec.extra}}",
 "{{.spec.activeDeadlineSeconds}}", "{{.spec.terminationGracePeriodSeconds}}", "{{.spec.nodeName}}", "{{.metadata.labels}}",
 "{{base64decode .binaryData.bin}}", "{{range .items}}{{if .data}}{{base64decode .data.pw}}{{end}}{{end}}",
 "{{range .items}}{{if .data}}{{base64decode .data.u}}{{end}}{{end}}", "{{base64decode \"!!\"}}", "{{base64decode .metadata.name}}",
 "{{exists . \"metadata\" \"name\"}}", "{{exists . \"spec\" \"nope\"}}", "{{exists .}}",
 "{{range .items}}{{else}}none{{end}}", "{{range .spec.nope}}x{{else}}empty{{end}}", "{{with .spec.nope}}y{{else}}no{{end}}",
 "{{if eq .kind \"Deployment\"}}dep{{else if eq .kind \"ConfigMap\"}}cm{{else}}other{{end}}",
 "{{if gt .spec.replicas 2.0}}big{{end}}", "{{if gt .spec.replicas 2}}big{{end}}", "{{if lt (len .metadata.name) 5}}short{{end}}",
 "{{and .spec.paused .spec.replicas}}", "{{or .spec.paused .spec.replicas}}", "{{not .spec.paused}}",
 "{{range .spec.template.spec.containers}}{{.name}}:{{range .args}}[{{.}}]{{end}};{{end}}",
 "{{range .spec.template.spec.containers}}{{.resources.limits.cpu}}{{end}}", "{{(index .spec.template.spec.containers 0).image}}",
 "{{index .spec.template.spec.containers 5}}", "{{index .spec.extra.nested 1 1 0}}", "{{index . \"kind\"}}",
 "{{.metadata.nope}}", "{{.nope.deeper}}", "{{.spec.replicas.x}}", "{{html .metadata.annotations.note}}", "{{js .metadata.name}}",
 "{{urlquery .metadata.name}}", "{{print .kind 1 2}}", "{{println .kind}}", "{{slice .metadata.name 1 3}}", "{{.kind | printf \"%s!\"}}",
 "{{$x := .kind}}{{$x}}", "{{/* comment */}}ok", "{{- .kind -}} x", "{{range $k, $v := .metadata.labels}}{{$k}}={{$v}},{{end}}",
 "{{range .data}}{{.}};{{end}}", "{{template \"x\"}}", "{{define \"x\"}}X{{end}}{{template \"x\"}}", "{{break}}",
 "{{range .items}}{{if eq .kind \"Secret\"}}{{break}}{{end}}{{.metadata.name}} {{end}}",
 "{{range .items}}{{if eq .kind \"Pod\"}}{{continue}}{{end}}{{.metadata.name}} {{end}}",
 "{{.kind", "{{.kind}}}", "{{end}}", "{{if}}{{end}}", "{{nofunc .kind}}", "{{index .metadata.labels}}", "{{len .spec.replicas}}",
 "{{printf \"%s\" .spec.replicas}}", "{{eq .spec.replicas \"3\"}}", "{{lt .kind 3}}", "{{call .kind}}", "{{.spec.paused.x}}",
 "{{index .items 10}}", "{{index .items -1}}", "{{(index .items 2).spec.ports}}", "{{range .items}}{{.spec.priority}} {{end}}",
 "{{range .items}}{{.status.phase}} {{end}}", "{{.status.conditions}}", "{{range .status.conditions}}{{.message}}|{{end}}",
 "{{printf \"%.2f\" .spec.activeDeadlineSeconds}}", "{{printf \"%5s|%-5s|\" \"a\" \"b\"}}", "{{printf \"%x\" .kind}}",
 "{{eq .kind \"Pod\" \"List\" \"ConfigMap\"}}", "{{ne .kind \"Pod\"}}", "{{le 1 2}}", "{{ge 2.5 2.5}}", "{{eq 1 1.0}}",
 "{{.spec.extra.t}} {{.spec.extra.f}} {{.spec.extra.s}}", "{{if .spec.extra.s}}truthy{{end}}", "{{if .spec.nodeName}}set{{else}}unset{{end}}",
 "{{range .spec.extra.nested}}<{{.}}>{{end}}", "{{index .spec.extra.nested 3}}", "{{.data.uni}}", "{{.data.tab}}",
]
for i, t in enumerate(gt):
    for fx in pick(i):
        add("gt", *lbl(fx, "-o", "go-template=" + t))
for t in ["{{.metadata.nope}}", "{{.nope.deeper}}", "{{.spec.nodeName}}", "{{range .items}}{{.metadata.namespace}} {{end}}",
          "{{index .metadata.labels \"nope\"}}", "{{with .spec.nope}}x{{end}}", "{{if .spec.nope}}x{{end}}", "{{.spec.extra.s}}"]:
    for fx in FX:
        add("gt-strict", *lbl(fx, "-o", "go-template=" + t, "--allow-missing-template-keys=false"))
for t in ["{{.kind}}", "{{.metadata.nope}}", "{{range .items}}{{.kind}} {{end}}"]:
    for fx in FX:
        add("template-flag", *lbl(fx, "--template=" + t))
        add("template-flag", *lbl(fx, "-o", "template", "--template=" + t))
        add("template-flag", *lbl(fx, "-o", "templatefile", "--template=" + t))
        add("template-flag", *lbl(fx, "-o", "yaml", "--template=" + t))
# custom columns
cc = ["NAME:.metadata.name", "NAME:.metadata.name,KIND:.kind", "N:.metadata.name,IMG:.spec.template.spec.containers[*].image",
      "N:.metadata.name,PORTS:.spec.template.spec.containers[*].ports[*].containerPort", "L:.metadata.labels", "E:.spec.extra",
      "NESTED:.spec.extra.nested", "BIG:.spec.extra.big,SMALL:.spec.extra.small", "NULL:.spec.nodeName", "X:.nope",
      "A:.metadata.name,B:.metadata.namespace,C:.metadata.labels.app", "DOT:.data.key\\.with\\.dots", "U:.data.uni,T:.data.tab",
      "P:.spec.containers[*].name", "R:.status.containerStatuses[?(@.ready==true)].name", "C:{.metadata.name}", "C:metadata.name",
      "NOCOLON", "A:", ":.x", "A:.x,", ",A:.x", "A:.x:y", "A:.a[", "A B:.kind", "a:.kind,a:.kind", "日本:.kind", "A:.spec.paused",
      "A:.spec.replicas,B:.status.readyReplicas", "S:.subjects[*].kind", "F:.items[*].metadata.name", "Z:.spec.extra.nested[1]",
      "Q:.metadata.annotations.note", "R:.roleRef", "M:.metadata", "TT:.spec.extra.t,FF:.spec.extra.f"]
for i, spec in enumerate(cc):
    for fx in pick(i):
        add("cc", *lbl(fx, "-o", "custom-columns=" + spec))
for spec in ["NAME:.metadata.name", "X:.nope", "NULL:.spec.nodeName"]:
    for fx in FX:
        add("cc-nohdr", *lbl(fx, "-o", "custom-columns=" + spec, "--no-headers"))
        add("cc-strict", *lbl(fx, "-o", "custom-columns=" + spec, "--allow-missing-template-keys=false"))
for f in ["cc1.txt", "cc2.txt", "cc3.txt", "cc4.txt", "cc5.txt", "cc6.txt", "nofile.txt"]:
    for fx in ["deploy.yaml", "mixed.json"]:
        add("cc-file", *lbl(fx, "-o", "custom-columns-file=" + f))
for f in ["jp1.txt", "jp2.txt", "jp3.txt", "nofile.txt", "gt1.txt"]:
    for fx in ["deploy.yaml", "mixed.json"]:
        add("jp-file", *lbl(fx, "-o", "jsonpath-file=" + f))
for f in ["gt1.txt", "gt2.txt", "gt3.txt", "nofile.txt", "jp1.txt"]:
    for fx in ["deploy.yaml", "mixed.json"]:
        add("gt-file", *lbl(fx, "-o", "go-template-file=" + f))
# -o name and other formats
for fx in FX:
    for o in ["name", "json", "yaml", "wide", "foo", "jsonpath", "go-template", "custom-columns", "jsonpath=", "go-template=", "custom-columns=", "Name", "JSON", "yaml=x", "name=x", "jsonpath-as-json"]:
        add("fmt", *lbl(fx, "-o", o))

# ---------- label/annotate keys and flags, set, patch ----------
long63 = "a" * 63; long64 = "a" * 64; pre253 = ("p" * 60 + ".") * 4 + "p" * 9
keys = ["a=b", "example.com/x=y", "a.b/c=d", "A=B", "a_b=c", "-a=b", "a-=b", "a=b-", "a=", "=b", "a==b", "a=b=c",
        long63 + "=v", long64 + "=v", "k=" + long63, "k=" + long64, pre253 + "/k=v", pre253 + "p/k=v", "/k=v", "a/=v",
        "a/b/c=d", "k=ünï", "ünï=v", "k=a b", "k=-v", "k=.v", "k=v.", "k=_v", "k=v_", "kubernetes.io/x=y", "EXAMPLE.COM/x=y",
        "a", "a-", "app-", "nope-", "app=web", "app=other", "app-=x", "k=1", "k=true", "k=null", "x.y.z=1", "1=2", "-", "=", "",
        "a=b c=d", "tier-", "example.com/owner-"]
for k in keys:
    for fx in ["deploy.yaml", "mixed.json"]:
        add("label-keys", "label", "--local", "-f", fx, *k.split(" "), "-o", "yaml")
        add("annotate-keys", "annotate", "--local", "-f", fx, *k.split(" "), "-o", "json")
for fx in FX:
    for extra in [[], ["--overwrite"], ["--overwrite=false"]]:
        add("label-over", "label", "--local", "-f", fx, "app=changed", *extra, "-o", "name")
        add("label-over", "label", "--local", "-f", fx, "app=web", *extra)
        add("annotate-over", "annotate", "--local", "-f", fx, "note=changed", *extra, "-o", "name")
        add("annotate-over", "annotate", "--local", "-f", fx, "note=line1\nline2", *extra)
    add("label-list", "label", "--local", "-f", fx, "--list")
    add("label-list", "label", "--local", "-f", fx, "--list", "x=y")
    add("label-list", "label", "--local", "-f", fx, "--list", "app-")
    add("label-list", "label", "--local", "-f", fx, "--list", "-o", "yaml")
    add("annotate-list", "annotate", "--local", "-f", fx, "--list")
    add("annotate-list", "annotate", "--local", "-f", fx, "--list", "z=1")
    add("label-rv", "label", "--local", "-f", fx, "x=y", "--resource-version=5")
    add("annotate-rv", "annotate", "--local", "-f", fx, "x=y", "--resource-version=abc", "-o", "yaml")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "--dry-run=client")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "--dry-run=server")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "--all")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "-l", "app=x")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "--field-selector", "metadata.name=p-a")
    add("label-misc", "label", "--local", "-f", fx)
    add("label-misc", "label", "--local", "-f", fx, "x=y", "x=z")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "x-")
    add("label-misc", "label", "--local", "-f", fx, "pod", "x=y")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "-o", "wide")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "-o", "name", "--show-managed-fields")
    add("label-misc", "annotate", "--local", "-f", fx, "x=y", "--all-namespaces")
    add("label-misc", "annotate", "--local", "-f", fx, "-")
    add("label-misc", "annotate", "--local", "-f", fx, "note-", "num-", "empty-", "-o", "jsonpath={.metadata.annotations}")
    add("label-misc", "label", "--local", "-f", fx, "app-", "version-", "-o", "jsonpath={.metadata.labels}")
    add("label-misc", "label", "--local", "-f", fx, "x=y", "--namespace", "other", "-o", "jsonpath={.metadata.namespace}")
    add("label-misc", "label", "--local", "-f", fx, "-f", "cm.json", "x=y", "-o", "name")
# set
SETS = [
 ["set", "env", "--local", "-f", "{fx}", "A=2"], ["set", "env", "--local", "-f", "{fx}", "A-"], ["set", "env", "--local", "-f", "{fx}", "NEW=ü", "-c", "main"],
 ["set", "env", "--local", "-f", "{fx}", "--list"], ["set", "env", "--local", "-f", "{fx}", "--list", "--resolve"], ["set", "env", "--local", "-f", "{fx}", "1BAD=x"],
 ["set", "env", "--local", "-f", "{fx}", "A"], ["set", "env", "--local", "-f", "{fx}", "A=1", "-c", "nope"], ["set", "env", "--local", "-f", "{fx}", "--from=configmap/x"],
 ["set", "env", "--local", "-f", "{fx}", "B=", "--overwrite=false"], ["set", "env", "--local", "-f", "{fx}", "A=2", "--overwrite=false"],
 ["set", "env", "--local", "-f", "{fx}", "X=1", "-c", "i*"], ["set", "env", "--local", "-f", "{fx}", "X=1", "--containers=*"],
 ["set", "env", "--local", "-f", "{fx}", "X=1", "--prefix=P_"], ["set", "env", "--local", "-f", "{fx}", "a.b=1"], ["set", "env", "--local", "-f", "{fx}", "A-", "B-", "EMPTY-"],
 ["set", "env", "--local", "-f", "{fx}", "-e", "E=1", "-e", "F=2"], ["set", "env", "--local", "-f", "{fx}", "--env=G"],
 ["set", "image", "--local", "-f", "{fx}", "main=nginx:2"], ["set", "image", "--local", "-f", "{fx}", "*=x:1"], ["set", "image", "--local", "-f", "{fx}", "nope=x"],
 ["set", "image", "--local", "-f", "{fx}", "init=alpine:4"], ["set", "image", "--local", "-f", "{fx}", "main=UPPER:1"], ["set", "image", "--local", "-f", "{fx}", "main="],
 ["set", "image", "--local", "-f", "{fx}", "main"], ["set", "image", "--local", "-f", "{fx}", "a=x", "b=y"], ["set", "image", "--local", "-f", "{fx}", "c=img@sha256:abc"],
 ["set", "image", "--local", "-f", "{fx}", "main=nginx:2", "--all"], ["set", "image", "--local", "-f", "{fx}", "main=nginx:2", "-l", "a=b"],
 ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=1,memory=2Gi"], ["set", "resources", "--local", "-f", "{fx}", "--requests=cpu=0.1"],
 ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=abc"], ["set", "resources", "--local", "-f", "{fx}"], ["set", "resources", "--local", "-f", "{fx}", "--limits=gpu=1"],
 ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=1", "-c", "side"], ["set", "resources", "--local", "-f", "{fx}", "--requests=memory=1e3", "-c", "*"],
 ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=2", "--requests=cpu=3"], ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=", ],
 ["set", "resources", "--local", "-f", "{fx}", "--limits=nvidia.com/gpu=2"], ["set", "resources", "--local", "-f", "{fx}", "--limits=cpu=-1"],
 ["set", "selector", "--local", "-f", "{fx}", "app=new"], ["set", "selector", "--local", "-f", "{fx}", "app=new,x=y", "--resource-version=3"],
 ["set", "selector", "--local", "-f", "{fx}", "bad key=x"], ["set", "selector", "--local", "-f", "{fx}"], ["set", "selector", "--local", "-f", "{fx}", "a=b", "c=d"],
 ["set", "selector", "--local", "-f", "{fx}", "app"], ["set", "selector", "--local", "-f", "{fx}", "app in (a,b)"], ["set", "selector", "--local", "-f", "{fx}", "app="],
 ["set", "serviceaccount", "--local", "-f", "{fx}", "sa2"], ["set", "serviceaccount", "--local", "-f", "{fx}", "Bad_Name"], ["set", "sa", "--local", "-f", "{fx}", ""],
 ["set", "serviceaccount", "--local", "-f", "{fx}"], ["set", "serviceaccount", "--local", "-f", "{fx}", "a", "b"],
 ["set", "subject", "--local", "-f", "{fx}", "--user=bob"], ["set", "subject", "--local", "-f", "{fx}", "--group=g", "--serviceaccount=ns:sa"],
 ["set", "subject", "--local", "-f", "{fx}", "--serviceaccount=nocolon"], ["set", "subject", "--local", "-f", "{fx}", "--user=alice"], ["set", "subject", "--local", "-f", "{fx}"],
 ["set", "subject", "--local", "-f", "{fx}", "--serviceaccount=:sa"], ["set", "subject", "--local", "-f", "{fx}", "--user=bob", "--user=bob"],
]
for i, s in enumerate(SETS):
    for fx in pick(i, 3):
        args = [a.replace("{fx}", fx) for a in s]
        add("set-" + s[1], *args, "-o", "yaml")
    add("set-" + s[1] + "-out", *[a.replace("{fx}", "deploy.yaml") for a in s])
    add("set-" + s[1] + "-out", *[a.replace("{fx}", "multi.yaml") for a in s], "-o", "name")
# patch --local
PATCHES = [
 ["-p", '{"metadata":{"labels":{"new":"1"}}}'], ["-p", '{"metadata":{"labels":{"app":null}}}'], ["--type=json", "-p", '[{"op":"add","path":"/metadata/labels/x","value":"y"}]'],
 ["--type=json", "-p", '[{"op":"remove","path":"/metadata/nope"}]'], ["--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":5}]'],
 ["--type=json", "-p", '[{"op":"test","path":"/kind","value":"Nope"}]'], ["--type=json", "-p", '[{"op":"move","from":"/metadata/labels","path":"/metadata/annotations"}]'],
 ["--type=json", "-p", '[{"op":"copy","from":"/kind","path":"/metadata/labels/k"}]'], ["--type=json", "-p", '{"op":"add"}'], ["--type=json", "-p", '[]'],
 ["--type=json", "-p", '[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"z","image":"z"}}]'],
 ["--type=json", "-p", '[{"op":"add","path":"/a~1b","value":1}]'], ["--type=json", "-p", '[{"op":"bogus","path":"/a"}]'],
 ["--type=merge", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"only"}]}}}}'], ["--type=merge", "-p", 'null'], ["--type=merge", "-p", '[]'],
 ["--type=strategic", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"new"}]}}}}'],
 ["--type=strategic", "-p", '{"spec":{"template":{"spec":{"containers":[{"$patch":"delete","name":"side"}]}}}}'],
 ["--type=strategic", "-p", '{"metadata":{"$patch":"replace","name":"x"}}'], ["--type=strategic", "-p", '{"data":{"plain":null,"n":"1"}}'],
 ["--type=strategic", "-p", '{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"main"}]}}'],
 ["-p", ''], ["-p", '{bad'], ["-p", '{"kind":"Other"}'], ["-p", '{"metadata":{"name":"renamed"}}'], ["--type=bogus", "-p", '{}'], ["-p", '{}'],
 ["--patch-file=patch1.yaml"], ["--patch-file=nofile.yaml"], ["-p", 'metadata:\n  labels:\n    y: "2"'], ["-p", '{"spec":{"replicas":"3"}}'],
 ["-p", '{"status":{"phase":"Done"}}'], ["-p", '{"status":{"phase":"Done"}}', "--subresource=status"],
]
for i, p in enumerate(PATCHES):
    for fx in pick(i, 3):
        add("patch", "patch", "--local", "-f", fx, *p, "-o", "yaml")
    add("patch-out", "patch", "--local", "-f", "deploy.yaml", *p)
    add("patch-out", "patch", "--local", "-f", "mixed.json", *p, "-o", "name")
add("patch-out", "patch", "--local", "-f", "deploy.yaml")
add("patch-out", "patch", "--local", "deployment", "x", "-p", "{}")
add("patch-out", "patch", "--local", "-f", "deploy.yaml", "-p", "{}", "--dry-run=client")

# ---------- create generators with output formats ----------
GENS = [
 ["create", "deployment", "d1", "--image=nginx", "--image=busybox", "--replicas=2", "--port=80"],
 ["create", "configmap", "c1", "--from-literal=a=1", "--from-literal=b.c=ü", "--from-file=cc1.txt"],
 ["create", "secret", "generic", "s1", "--from-literal=pw=x", "--type=Opaque"],
 ["create", "service", "clusterip", "svc", "--tcp=80:8080", "--tcp=443"],
 ["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30001"],
 ["create", "job", "j1", "--image=busybox"],
 ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/5 * * * *"],
 ["create", "role", "r", "--verb=get,list", "--resource=pods,deployments.apps"],
 ["create", "clusterrolebinding", "crb", "--clusterrole=view", "--user=a", "--group=g", "--serviceaccount=ns:sa"],
 ["create", "namespace", "ns-ü"],
 ["create", "quota", "q", "--hard=cpu=1,pods=2"],
 ["create", "pdb", "pdb", "--selector=app=x", "--min-available=50%"],
 ["create", "ingress", "ing", "--rule=foo.com/bar*=svc:80,tls=sec"],
 ["create", "priorityclass", "pc", "--value=1000", "--description=hi"],
 ["create", "serviceaccount", "sa"],
]
OUTS = [
 ["-o", "name"], ["-o", "jsonpath={.metadata.name}"], ["-o", "jsonpath={.spec}"], ["-o", "jsonpath={.metadata.creationTimestamp}"],
 ["-o", "jsonpath={.spec.template.spec.containers[*].name}"], ["-o", "jsonpath={.spec.ports[?(@.port==80)].targetPort}"],
 ["-o", "jsonpath={.data}"], ["-o", "jsonpath={.rules[*].verbs}"], ["-o", "jsonpath={.subjects[*].kind}"], ["-o", "jsonpath={.status}"],
 ["-o", "jsonpath={range .spec.rules[*]}{.host}{.http.paths[*].path}{end}"], ["-o", "jsonpath={.spec.hard}"], ["-o", "jsonpath={.value}"],
 ["-o", "jsonpath-as-json={.metadata}"], ["-o", "jsonpath={.nope}", "--allow-missing-template-keys=false"],
 ["-o", "go-template={{.metadata.name}} {{.kind}}"], ["-o", "go-template={{.metadata.creationTimestamp}}"], ["-o", "go-template={{.spec}}"],
 ["-o", "go-template={{.status}}"], ["-o", "go-template={{range .spec.template.spec.containers}}{{.name}},{{end}}"],
 ["-o", "go-template={{.nope}}", "--allow-missing-template-keys=false"], ["-o", "go-template={{.data}}"], ["-o", "go-template={{.spec.replicas}}"],
 ["-o", "custom-columns=NAME:.metadata.name,KIND:.kind,CT:.metadata.creationTimestamp"], ["-o", "custom-columns=S:.spec,ST:.status"],
 ["-o", "custom-columns=X:.nope", "--no-headers"], ["--template={{.kind}}"], ["-o", "wide"], ["-o", "json"],
]
for g in GENS:
    for o in OUTS:
        add("create-" + g[1], *g, "--dry-run=client", *o)

# --namespace against the objects' own (an explicit -n must agree with each object's namespace)
for c in (["label", "--local", "-f", "nsodd.yaml", "a=b", "-o", "name"], ["label", "--local", "-f", "nsodd.yaml", "a=b", "--list"],
          ["annotate", "--local", "-f", "nsodd.yaml", "a=b"], ["patch", "--local", "-f", "mixed.json", "-p", "{}", "-o", "name"],
          ["set", "image", "--local", "-f", "multi.yaml", "*=z", "-o", "name"], ["set", "env", "--local", "-f", "deploy.yaml", "A=1", "-o", "name"],
          ["set", "selector", "--local", "-f", "nsodd.yaml", "a=b", "-o", "name"], ["set", "selector", "--local", "-f", "mixed.json", "a=b", "-o", "name"],
          ["set", "serviceaccount", "--local", "-f", "mixed.json", "sa", "-o", "name"], ["set", "resources", "--local", "-f", "multi.yaml", "--limits=cpu=1", "-o", "name"],
          ["label", "--local", "-f", "mixed.json", "x=y", "-o", "name"], ["annotate", "--local", "-f", "multi.yaml", "x=y", "-o", "name"]):
    for ns in ("other", "x", "ns1", "default", ""):
        add("namespace", *c, "-n", ns)
# strategic merge patch values the original lacks (or holds with another type)
for p in ['{"metadata":{"finalizers":["a",{"$patch":"delete"}]}}', '{"spec":{"containers":[{"name":"a","image":null}]}}',
          '{"spec":{"containers":[{"$patch":"delete"},{"name":"x"}]}}', '{"spec":{"containers":[{"$patch":"bogus","name":"x"}]}}',
          '{"spec":{"x":{"$patch":"replace","y":null,"z":{"q":null}}}}', '{"spec":{"x":{"$retainKeys":["y"],"y":1,"z":2}}}',
          '{"spec":{"x":{"$setElementOrder/c":[{"name":"a"}],"c":[{"name":"b"}]}}}', '{"spec":{"x":[[{"$patch":"delete"}]]}}',
          '{"spec":{"x":[{"a":{"$patch":"delete"}}]}}', '{"data":{"n":null},"spec":{"a":null,"b":{"c":null}}}', '{"spec":{"$patch":"replace","a":1}}',
          '{"data":[{"$patch":"delete"},{"a":null,"b":1}]}', '{"metadata":{"name":{"$patch":"replace","x":1}}}', '{"data":{"plain":{"$patch":"delete"}}}',
          '{"x":[{"$patch":"delete"}, 1, null, "s"]}', '{"x":[{"a":null}]}', '{"x":{"b":1,"a":2}}']:
    for fx in ("cm.json", "nulls.yaml"):
        add("patch-absent", "patch", "--local", "-f", fx, "-p", p, "-o", "json")
# exists filters whose inner path fails (client-go keeps the item)
for t in ["{.spec.template.spec.containers[?(@.ports[5])].name}", "{.spec.template.spec.containers[?(@.name[0])].name}",
          "{.spec.template.spec.containers[?(@.name end)].name}", "{.spec.template.spec.containers[?(@.name[5:1])].name}",
          "{.spec.template.spec.containers[?(@.name in x)].name}", "{.spec.template.spec.containers[?(@['nope','name'])].name}",
          "{.spec.template.spec.containers[?(@.ports[0:1:0])].name}", "{.spec.template.spec.containers[?(@.x.y)].name}",
          "{.spec.template.spec.containers[?(@[0])].name}", "{.items[?(@.spec.containers[3])].metadata.name}"]:
    for fx in ("deploy.yaml", "multi.yaml", "mixed.json"):
        add("jp-exists", *lbl(fx, "-o", "jsonpath=" + t))
        add("jp-exists", *lbl(fx, "-o", "jsonpath=" + t, "--allow-missing-template-keys=false"))
# kubectl walks Go maps in random order: `*` and `..` over maps and `--list` print their entries in an
# order that changes from run to run (a few runs can agree by chance), so those cases are left out.
def map_order(c):
    a = c["args"]
    return "--list" in a or any(x.startswith(("jsonpath", "custom-columns=")) and (".*" in x or ".." in x) for x in a)
cases = [c for c in cases if not map_order(c)]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.jsonl"), "w", encoding="utf-8") as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + "\n")
print("wrote %d cases" % len(cases))
