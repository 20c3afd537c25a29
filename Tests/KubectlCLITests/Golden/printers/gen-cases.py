#!/usr/bin/env python3
"""Writes cases.jsonl: one case a line, {"group": ..., "args": [...]}, the arguments after `kubectl`,
run with fx/ as the working directory. The cases were written for the sweep without looking at what
kubectl-local prints; record.py then records kubectl v1.32's answers."""
import json, os
cases = []
def add(group, *args):
    cases.append({"group": group, "args": list(args)})

def lbl(fx, *out):
    return ["label", "--local", "-f", fx, "zz=1", "--overwrite", *out]

# ---------- (a) jsonpath ----------
# Recursive descent (`..`) that matches under several keys of one map is left out: kubectl walks Go
# maps in random order, so its output changes from run to run.
jp_svc = [
 "{.metadata.name}", "{.metadata.labels}", "{.metadata.labels.team/owner}", "{.metadata.labels['team/owner']}",
 "{.metadata.labels.k8s\\.io/part-of}", "{.metadata.labels['k8s.io/part-of']}", "{.metadata.labels.empty}",
 "{.metadata.annotations.html}", "{.metadata.annotations.multi}", "{.metadata.annotations.json}",
 "{.metadata.annotations.u2028}", "{.metadata.finalizers}", "{.metadata.finalizers[0]}", "{.metadata.finalizers[*]}",
 "{.metadata.finalizers[-1]}", "{.metadata.finalizers[5]}", "{.metadata.finalizers[-5]}",
 "{.spec.ports[*].port}", "{.spec.ports[*].targetPort}", "{.spec.ports[*]['name','port']}", "{.spec.ports[0,2].name}",
 "{.spec.ports[1:].name}", "{.spec.ports[:2].name}", "{.spec.ports[::2].name}", "{.spec.ports[-2:].name}",
 "{.spec.ports[0:3:2].port}", "{.spec.ports[2:1].port}", "{.spec.ports[5:].port}", "{.spec.ports[:-1].port}",
 "{.spec.ports[?(@.protocol==\"UDP\")].name}", "{.spec.ports[?(@.port>100)].name}", "{.spec.ports[?(@.port<=80)].name}",
 "{.spec.ports[?(@.port!=80)].port}", "{.spec.ports[?(@.nodePort)].name}", "{.spec.ports[?(@.targetPort==8080)].name}",
 "{.spec.ports[?(@.targetPort==\"https\")].port}", "{.spec.ports[?(@.name=='dns')].protocol}",
 "{.spec.ports[?(@.port>=53)].port}", "{.spec.ports[?(@.port<443)].name}", "{.spec.ports[?(@.missing==\"x\")].name}",
 "{..port}", "{..ip}", "{.status..type}", "{..ingress[*].hostname}", 
 "{.spec.weights}", "{.spec.weights[*]}", "{.spec.weights[0]}", "{.spec.weights[3]}", "{.spec.weights[5]}",
 "{.spec.weights[6]}", "{.spec.weights[2]}", "{.spec.flags}", "{.spec.flags[*]}", "{.spec.flags[2]}",
 "{.spec.matrix}", "{.spec.matrix[*]}", "{.spec.matrix[2][1]}", "{.spec.matrix[2][1][1][0]}", "{.spec.matrix[*][0]}",
 "{.spec.emptyMap}", "{.spec.emptyList}", "{.spec.emptyList[*]}", "{.spec.emptyList[0]}", "{.spec.zero}",
 "{.spec.negzero}", "{.spec.float1}", "{.spec.maxint}", "{.spec.bigger}", "{.spec.esc}", "{.spec.emoji}",
 "{.spec.nothere}", "{.nothere.deeper}", "{.spec.ports.port}", "{.spec.ports[*].nothere}", "{.metadata.name.x}",
 "{range .spec.ports[*]}{.name}={.port}{\"\\n\"}{end}", "{range .spec.ports[*]}[{.name}]{end}",
 "{range .status.conditions[*]}{.type}:{.status};{end}", "{range .metadata.finalizers[*]}{@}{\"\\t\"}{end}",
 "{range .spec.matrix[*]}{@}|{end}", "{range .spec.emptyList[*]}x{end}", "{range .spec.nothere[*]}x{end}",
 "{range .spec.ports[*]}{range .name}{@}{end}{end}", "{.metadata.name}{\"\\n\"}", "{'single'}", "{\"double\"}",
 "{\"a\\tb\"}", "{\"\\\\\"}", "{\"\\u0041\"}", "{\"\\x41\"}", "plain text only", "", " ", "{}", "{@}",
 "{$}", "{.}", "{.metadata..name}", "{.spec['ports'][0]['name']}", "{.spec.ports[0]['name','port']}",
 "{.metadata['labels','annotations']}", "{.metadata.labels[*]}", "{.metadata.annotations[*]}",
 "{.metadata.name", "{.metadata.name}}", "{{.metadata.name}}", "{.spec.ports[}", "{.spec.ports[a]}",
 "{.spec.ports[0:a]}", "{.spec.ports[?(@.port>)]}", "{.spec.ports[?(@.port=80)]}", "{.spec.ports[?@.port]}",
 "{range .spec.ports[*]}{.name}", "{end}", "{range}{end}", "{.metadata.name}{end}", "{.spec.ports[1:2:0]}",
 "{.spec.ports[0].port+1}", "{.metadata.name ",  "{ .metadata.name }", "{.metadata. name}", "{.metadata.'name'}",
 "{.spec.ports[?(@.name =~ /ht/)]}", "{.spec.ports[?(@.port > 80 && @.port < 500)].name}",
 "{.spec.ports[?(!@.nodePort)].name}", "{.status.conditions[?(@.type==\"Ready\")].status}",
 "{.status.conditions[?(@.status==\"False\")].message}", "{.status.loadBalancer.ingress[0].ip}",
 "{.status.loadBalancer.ingress[*].ip}", "{.status.loadBalancer.ingress[1].ip}",
 "{.spec.clusterIPs[?(@==\"fd00::4\")]}", "{.spec.weights[?(@>1)]}", "{.spec.weights[?(@==100)]}",
 "{.spec.flags[?(@==true)]}", "{.kind}/{.metadata.name} in {.metadata.namespace}", "{.metadata.uid}",
 "{.metadata.resourceVersion}", "{.spec.type}{.spec.sessionAffinity}", "\\n{.kind}", "{.kind}\\n",
 "{\"{\"}", "{\"}\"}", "{'\\''}", "{.spec.ports[*].port}{\" \"}{.spec.ports[*].name}",
 "{.spec.ports[-1:].name}", "{.spec.ports[-3].name}", "{.spec.ports[-4].name}", "{.spec.ports[3].name}",
 "{.spec.ports[0:0].name}", "{.spec.ports[*].port[0]}", "{.spec.selector.app}{.spec.selector}",
 "{..targetPort}", "{.spec..port}", "{..ports[?(@.port==443)].name}", "{..nothere}", "{.metadata.labels.tier.x}",
 "{.spec.ports[true]}", "{.spec.ports[0][0]}", "{.spec.esc}{.spec.esc}",
]
for t in jp_svc:
    add("jsonpath", *lbl("svc.json", "-o", "jsonpath=" + t))
strict_sel = ["{.spec.nothere}", "{.nothere.deeper}", "{.spec.ports[*].nothere}", "{.spec.ports[*].nodePort}",
   "{..nothere}", "{.spec.emptyList[0]}", "{.metadata.finalizers[5]}", "{.spec.ports[?(@.missing==\"x\")].name}",
   "{range .spec.ports[*]}{.nodePort}{end}", "{.metadata.name.x}", "{.spec.flags[2]}", "{.metadata.labels.empty}",
   "{.status.loadBalancer.ingress[*].hostname}", "{.spec.ports[5:].port}", "{.metadata.labels['nope']}"]
for t in strict_sel:
    add("jsonpath-strict", *lbl("svc.json", "-o", "jsonpath=" + t, "--allow-missing-template-keys=false"))
    add("jsonpath-strict", *lbl("items.yaml", "-o", "jsonpath=" + t, "--allow-missing-template-keys=false"))
jp_list = ["{.items[*].metadata.name}", "{.metadata.name}", "{.kind}", "{.items[0].kind}", "{.items}",
  "{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "{.items[*].data.k1}", "{.items[?(@.kind==\"Deployment\")].spec.replicas}",
  "{..image}", "{..env[?(@.name==\"B\")].valueFrom.fieldRef.fieldPath}", "{.items[*].metadata.labels.app}",
  "{.items[-1].metadata.namespace}", "{range .items[*]}{.kind}/{.metadata.name}:{.metadata.namespace}{\"\\n\"}{end}",
  "{.items[*].spec.template.spec.containers[*].name}", "{.items[?(@.metadata.labels.rank)].metadata.name}",
  "{.items[1:].metadata.name}", "{.items[*]['kind','metadata']}", "{.apiVersion}", "{.items[*].metadata.annotations}",
  "{..labels}", "{.items[*].data}"]
for t in jp_list:
    for fx in ("items.yaml", "multi.yaml"):
        add("jsonpath-list", *lbl(fx, "-o", "jsonpath=" + t))
for t in ["{.metadata.name}", "{.spec.ports[*].port}", "{.spec.weights}", "{.metadata.labels}", "{.spec.nothere}",
"{range .spec.ports[*]}{.name}{end}", "{.spec.flags}", "{.spec.esc}", "{.spec.matrix}",
          "{.metadata.annotations}", "{.spec.ports[?(@.port>1000)]}", "{.spec.emptyMap}", "{.items[*].metadata.name}"]:
    add("jsonpath-as-json", *lbl("svc.json", "-o", "jsonpath-as-json=" + t))
for t in ["{.items[*].metadata.name}", "{.metadata.name}", "{.items[0]}"]:
    add("jsonpath-as-json", *lbl("items.yaml", "-o", "jsonpath-as-json=" + t))
    add("jsonpath-as-json", *lbl("multi.yaml", "-o", "jsonpath-as-json=" + t))
for f in ["tpl/jp1.txt", "tpl/jp2.txt", "tpl/jp-empty.txt", "tpl/missing.txt", "tpl/jp-nl.txt"]:
    add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath-file=" + f))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath-file"))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath"))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath="))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath-as-json"))
add("jsonpath-file", *lbl("svc.json", "-o", "go-template"))
add("jsonpath-file", *lbl("svc.json", "-o", "go-template="))
add("jsonpath-file", *lbl("svc.json", "-o", "template"))
add("jsonpath-file", *lbl("svc.json", "-o", "custom-columns"))
add("jsonpath-file", *lbl("svc.json", "-o", "custom-columns="))
add("jsonpath-file", *lbl("svc.json", "-o", "go-template-file"))
add("jsonpath-file", *lbl("svc.json", "-o", "go-template-file="))
add("jsonpath-file", *lbl("svc.json", "-o", "custom-columns-file="))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath-file="))
add("jsonpath-file", *lbl("svc.json", "-o", "templatefile=tpl/gt1.txt"))
add("jsonpath-file", *lbl("svc.json", "-o", "wide"))
add("jsonpath-file", *lbl("svc.json", "-o", "name"))
add("jsonpath-file", *lbl("svc.json", "-o", "JSON"))
add("jsonpath-file", *lbl("svc.json", "-o", "Yaml"))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath={.kind}", "--template={.metadata.name}"))
add("jsonpath-file", *lbl("svc.json", "--template={.metadata.name}"))
add("jsonpath-file", *lbl("svc.json", "-o", "jsonpath", "--template={.metadata.name}"))
add("jsonpath-file", *lbl("svc.json", "-o", "go-template", "--template={{.kind}}"))
add("jsonpath-file", *lbl("svc.json", "-o", "yaml", "--template={{.kind}}"))
add("jsonpath-file", *lbl("svc.json", "-o", "json", "--allow-missing-template-keys=false"))

# ---------- custom-columns ----------
cc = ["NAME:.metadata.name", "NAME:.metadata.name,NS:.metadata.namespace", "N:.metadata.name,MISSING:.spec.nothere",
  "PORTS:.spec.ports[*].port", "NAMES:.spec.ports[*].name,PROTO:.spec.ports[*].protocol", "LABELS:.metadata.labels",
  "F:.metadata.finalizers", "F0:.metadata.finalizers[0]", "W:.spec.weights", "E:.spec.emptyList,M:.spec.emptyMap",
  "ESC:.spec.esc", "EMOJI:.spec.emoji", "Z:.spec.zero,NZ:.spec.negzero,F1:.spec.float1", "BIG:.spec.maxint,B2:.spec.bigger",
  "FLAGS:.spec.flags", "MAT:.spec.matrix", "ANN:.metadata.annotations.multi", "H:.metadata.annotations.html",
  "U:.metadata.annotations.u2028", "COND:.status.conditions[?(@.type==\"Ready\")].status",
  "IP:.status.loadBalancer.ingress[*].ip", "R:{.metadata.name}", "R:{.metadata.name}{.kind}",
  "NAME", "NAME:", ":.metadata.name", "NAME:.metadata.name,", ",NAME:.metadata.name", "A:B:C", "NAME:metadata.name",
  "NAME:.metadata.name,NAME:.metadata.name", "name with space:.metadata.name", "lower:.kind", "N:.spec.ports[",
  "N:.spec.ports[?(@.port>)]", "N:{range .spec.ports[*]}{.name}{end}", "N:.spec.ports[*]", "N:.spec.selector",
  "N:.spec.ports[0].targetPort,T:.spec.ports[1].targetPort", "N:.spec.ports[-1].name", "N:.metadata.labels.team/owner",
  "N:.metadata.labels.k8s\\.io/part-of", "N:.metadata.labels['k8s.io/part-of']", "N:.", "N:@", "N:$.kind", "N:.kind,",
  "VERYLONGHEADERNAMEEXCEEDINGWIDTH:.metadata.name,X:.kind", "N:.metadata.name,", "N:.metadata.name,,K:.kind",
  "N:.spec.ports[*].nothere", "N: .metadata.name", " N:.metadata.name", "N:.metadata.name ", "N:.metadata.name\tK:.kind",
]
for c in cc:
    add("custom-columns", *lbl("svc.json", "-o", "custom-columns=" + c))
for c in ["NAME:.metadata.name,KIND:.kind", "IMG:.spec.template.spec.containers[*].image", "D:.data",
          "L:.metadata.labels.app,N:.metadata.namespace", "ITEMS:.items[*].metadata.name", "R:.spec.replicas,ST:.status.phase",
          "K1:.data.k1", "NAME:.metadata.name,MISSING:.x.y"]:
    for fx in ("items.yaml", "multi.yaml"):
        add("custom-columns-list", *lbl(fx, "-o", "custom-columns=" + c))
for c in ["N:.spec.nothere", "N:.metadata.name,M:.missing", "N:.spec.ports[*].nodePort", "N:.metadata.labels.empty"]:
    add("custom-columns-strict", *lbl("svc.json", "-o", "custom-columns=" + c, "--allow-missing-template-keys=false"))
    add("custom-columns-strict", *lbl("items.yaml", "-o", "custom-columns=" + c, "--allow-missing-template-keys=false"))
for f in ["tpl/cc1.txt", "tpl/cc2.txt", "tpl/cc-empty.txt", "tpl/cc-onecol.txt", "tpl/cc-mismatch.txt", "tpl/cc-extra.txt",
          "tpl/cc-badpath.txt", "tpl/cc-blanklines.txt", "tpl/missing.txt", "tpl/cc-crlf.txt", "tpl/cc-tabs.txt"]:
    add("custom-columns-file", *lbl("svc.json", "-o", "custom-columns-file=" + f))
    add("custom-columns-file", *lbl("multi.yaml", "-o", "custom-columns-file=" + f))

# ---------- go-template ----------
gt = [
 "{{.metadata.name}}", "{{.metadata.labels}}", "{{.metadata.annotations}}", "{{.spec.ports}}", "{{.spec.weights}}",
 "{{.spec.flags}}", "{{.spec.matrix}}", "{{.spec.emptyMap}}", "{{.spec.emptyList}}", "{{.spec.zero}}", "{{.spec.negzero}}",
 "{{.spec.float1}}", "{{.spec.maxint}}", "{{.spec.bigger}}", "{{.spec.esc}}", "{{.spec.emoji}}", "{{.spec.nothere}}",
 "{{.nothere.deeper}}", "{{.metadata.name.x}}", "{{index .metadata.labels \"team/owner\"}}", "{{index .metadata.labels \"nope\"}}",
 "{{index .spec.ports 0}}", "{{index .spec.ports 5}}", "{{index .spec.ports -1}}", "{{index .spec.matrix 2 1 1 0}}",
 "{{index .spec.weights 6}}", "{{(index .spec.ports 1).targetPort}}", "{{len .spec.ports}}", "{{len .metadata.name}}",
 "{{len .spec.zero}}", "{{len .metadata.labels}}", "{{len .spec.emptyMap}}", "{{range .spec.ports}}{{.name}},{{end}}",
 "{{range $i, $p := .spec.ports}}{{$i}}={{$p.port}} {{end}}", "{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}",
 "{{range .spec.emptyList}}x{{else}}empty{{end}}", "{{range .spec.nothere}}x{{else}}none{{end}}", "{{range .spec.zero}}x{{end}}",
 "{{range .metadata.name}}x{{end}}", "{{range .spec.weights}}{{.}} {{end}}", "{{range .spec.flags}}{{.}} {{end}}",
 "{{range .spec.matrix}}{{.}}|{{end}}", "{{with .spec.nothere}}yes{{else}}no{{end}}", "{{with .spec.zero}}yes{{else}}no{{end}}",
 "{{with .spec.emptyMap}}yes{{else}}no{{end}}", "{{with .metadata}}{{.name}}{{end}}", "{{if .spec.flags}}t{{end}}",
 "{{if .spec.negzero}}t{{else}}f{{end}}", "{{if eq .spec.type \"LoadBalancer\"}}lb{{end}}", "{{if eq .spec.zero 0}}zero{{end}}",
 "{{if eq .spec.zero 0.0}}zero{{end}}", "{{eq .spec.float1 1}}", "{{eq .spec.float1 1.0}}", "{{eq .spec.maxint 9223372036854775807}}",
 "{{eq .kind \"Service\" \"Pod\"}}", "{{eq .kind .kind}}", "{{eq .spec.flags true}}", "{{ne .kind \"x\"}}", "{{lt 1 2}}",
 "{{lt .spec.zero 1}}", "{{lt \"a\" \"b\"}}", "{{lt 1 \"a\"}}", "{{lt 1.5 2}}", "{{gt .spec.maxint 0}}", "{{le 2 2}}", "{{ge 1 2}}",
 "{{and 1 0}}", "{{and 1 2}}", "{{or 0 \"\"}}", "{{or 0 \"x\"}}", "{{not 0}}", "{{not .spec.emptyList}}", "{{not .spec.nothere}}",
 "{{printf \"%v\" .spec.weights}}", "{{printf \"%d\" .spec.zero}}", "{{printf \"%d\" .spec.float1}}", "{{printf \"%s\" .spec.zero}}",
 "{{printf \"%q\" .spec.esc}}", "{{printf \"%x\" .metadata.name}}", "{{printf \"%X\" 255}}", "{{printf \"%5.2f|\" 3.14159}}",
 "{{printf \"%-8s|\" .kind}}", "{{printf \"%8s|\" .kind}}", "{{printf \"%T\" .spec.zero}}", "{{printf \"%T\" .spec.float1}}",
 "{{printf \"%T\" .spec.maxint}}", "{{printf \"%T\" .metadata.labels}}", "{{printf \"%T\" .spec.ports}}", "{{printf \"%T\" .spec.flags}}",
 "{{printf \"%T\" .spec.nothere}}", "{{printf \"%v\" .spec.nothere}}", "{{printf \"%+v\" .metadata.labels}}", "{{printf \"%#v\" .spec.zero}}",
 "{{printf \"%#v\" .metadata.finalizers}}", "{{printf \"%e\" .spec.float1}}", "{{printf \"%g\" .spec.bigger}}", "{{printf \"%v\" .spec.bigger}}",
 "{{printf \"%d %d\" 1}}", "{{printf \"%d\" 1 2}}", "{{printf \"%z\" 1}}", "{{printf \"%%\"}}", "{{printf \"%t\" true}}",
 "{{printf \"%c\" 65}}", "{{printf \"%U\" 65}}", "{{printf \"%o\" 8}}", "{{printf \"%b\" 5}}", "{{printf \"%08.3f\" -3.5}}",
 "{{printf \"%v\" .spec.weights}}", "{{printf \"%s\" .metadata.finalizers}}", "{{printf \"%v\" .spec.matrix}}",
 "{{print 1 2 \"a\" \"b\" 3}}", "{{println .kind .metadata.name}}", "{{print .spec.nothere}}", "{{html .metadata.annotations.html}}",
 "{{js .spec.esc}}", "{{urlquery .spec.esc}}", "{{.metadata.annotations.html | html}}", "{{.kind | printf \"%s!\"}}",
 "{{.kind | len}}", "{{slice .metadata.name 1 3}}", "{{slice .metadata.name 3}}", "{{slice .spec.ports 1}}", "{{slice .metadata.name 5 1}}",
 "{{base64decode \"aGVsbG8=\"}}", "{{base64decode \"!!!\"}}", "{{exists . \"metadata\" \"name\"}}", "{{exists . \"spec\" \"nothere\"}}",
 "{{exists .spec \"ports\"}}", "{{$x := 5}}{{$x}}", "{{$x := .kind}}{{$x = \"y\"}}{{$x}}", "{{$}}", "{{$.kind}}",
 "{{range .spec.ports}}{{$.kind}}{{end}}", "{{/* comment */}}ok", "a {{- \" b \" -}} c", "{{- .kind -}}", "{{ .kind }}",
 "{{define \"t\"}}T{{.}}{{end}}{{template \"t\" .kind}}", "{{block \"b\" .kind}}B{{.}}{{end}}", "{{template \"nope\"}}",
 "{{range .spec.ports}}{{if eq .name \"https\"}}{{break}}{{end}}{{.name}}{{end}}",
 "{{range .spec.ports}}{{if eq .name \"http\"}}{{continue}}{{end}}{{.name}}{{end}}",
 "{{.metadata.name", "{{.metadata.name}", "{{end}}", "{{if}}{{end}}", "{{range}}{{end}}", "{{else}}", "{{.metadata.name | nope}}",
 "{{nope}}", "{{index .spec.ports \"a\"}}", "{{index .metadata.labels 1}}", "{{index .kind 0}}", "{{index .spec.zero 0}}",
 "{{.spec.ports.name}}", "{{.spec.zero.x}}", "{{$nope}}", "{{.}}", "{{.status}}", "{{.metadata}}",
 "{{\"literal\"}}", "{{`raw\\n`}}", "{{'c'}}", "{{1.5}}", "{{1e3}}", "{{0x1F}}", "{{-1}}", "{{nil}}", "{{true}}",
 "{{len nil}}", "{{print nil}}", "{{call .kind}}", "{{and}}", "{{not 1 2}}", "{{eq}}", "{{eq 1}}", "{{len 1 2}}",
 "{{range $i, $e := .spec.matrix}}{{$i}}:{{len $e}} {{end}}", "{{range .status.conditions}}{{.type}}={{.status}}{{\"\\n\"}}{{end}}",
 "{{range .status.conditions}}{{if eq .status \"True\"}}{{.type}}{{end}}{{end}}", "{{with $x := .spec.type}}{{$x}}{{end}}",
 "{{if and .spec.ports (gt (len .spec.ports) 2)}}many{{end}}", "{{range $k, $v := .spec}}{{$k}} {{end}}",
 "{{range .spec.selector}}{{.}}{{end}}", "{{printf \"%v\" .spec.emptyMap}}", "{{printf \"%v\" .spec.emptyList}}",
 "{{printf \"%s\" .spec.flags}}", "{{printf \"%d\" .spec.maxint}}", "{{printf \"%d\" .spec.bigger}}", "{{printf \"%v\" .spec.negzero}}",
 "{{printf \"%.0f\" .spec.negzero}}", "{{.spec.weights}}{{\"\\n\"}}", "{{index .spec.weights 5}} {{index .spec.weights 4}}",
 "{{index .spec.weights 1}}", "{{index .spec.weights 2}}", "{{index .spec.weights 3}}", "{{index .spec.weights 0}}",
 "{{if lt (len .spec.ports) 5}}few{{end}}", "{{len .spec}}", "{{html .spec.emoji}}", "{{js .metadata.annotations.html}}",
 "{{js .spec.emoji}}", "{{urlquery .spec.emoji}}", "{{html 1 2}}", "{{print .spec.flags}}", "{{println}}", "{{print}}",
 "{{.metadata.annotations.multi}}", "{{.metadata.annotations.u2028}}", "{{index .metadata.annotations \"json\"}}",
 "{{range .metadata.finalizers}}{{.}}{{\"\\n\"}}{{end}}", "{{if not (exists . \"x\")}}nox{{end}}", "{{$a := 1}}{{if $a}}{{$a := 2}}{{$a}}{{end}}{{$a}}",
 "{{range $i, $x := .metadata.finalizers}}{{if $i}},{{end}}{{$x}}{{end}}", "{{else if}}", "{{if 1}}a{{else if 0}}b{{else}}c{{end}}",
 "{{if 0}}a{{else if 0}}b{{else}}c{{end}}", "{{with 0}}a{{else with 1}}b{{end}}", "{{range 3}}{{.}}{{end}}", "{{range $i := 3}}{{$i}}{{end}}",
 "{{printf \"%v\" (slice .metadata.finalizers 0 1)}}", "{{printf \"%6.2v|\" 3.14159}}", "{{printf \"%x\" 3.5}}", "{{printf \"%q\" 65}}",
 "{{printf \"%v\" .spec.ports}}", "{{.spec.ports}}", "{{.status.loadBalancer}}", "{{printf \"%s\" .spec.ports}}",
]
for t in gt:
    add("go-template", *lbl("svc.json", "-o", "go-template=" + t))
for t in ["{{.spec.nothere}}", "{{.nothere.deeper}}", "{{index .metadata.labels \"nope\"}}", "{{range .spec.ports}}{{.nodePort}},{{end}}",
          "{{.metadata.labels.empty}}", "{{with .spec.nothere}}y{{end}}", "{{if .spec.nothere}}y{{else}}n{{end}}", "{{.metadata.name.x}}",
          "{{printf \"%v\" .spec.nothere}}", "{{exists . \"nothere\"}}", "{{.spec.flags}}", "{{range .items}}{{.metadata.name}}{{end}}"]:
    add("go-template-strict", *lbl("svc.json", "-o", "go-template=" + t, "--allow-missing-template-keys=false"))
    add("go-template-strict", *lbl("multi.yaml", "-o", "go-template=" + t, "--allow-missing-template-keys=false"))
for t in ["{{.metadata.name}}", "{{.kind}} {{.metadata.name}}{{\"\\n\"}}", "{{range .items}}{{.metadata.name}} {{end}}", "{{.items}}",
          "{{len .items}}", "{{range .spec.containers}}{{.image}} {{end}}", "{{.data}}", "{{.status.phase}}", "{{.metadata.labels}}",
          "{{range $k,$v := .data}}{{$k}}={{$v}} {{end}}", "{{index .data \"password\" | base64decode}}", "{{.spec.replicas}}",
          "{{printf \"%T\" .spec.replicas}}"]:
    for fx in ("items.yaml", "multi.yaml"):
        add("go-template-list", *lbl(fx, "-o", "go-template=" + t))
for t in ["{{.metadata.name}}", "{{.spec.nothere}}", "{{printf \"%T\" .spec.zero}}", "{{range .spec.ports}}{{.port}}{{end}}"]:
    add("template", *lbl("svc.json", "-o", "template=" + t))
    add("template", *lbl("svc.json", "--template=" + t))
for f in ["tpl/gt1.txt", "tpl/gt2.txt", "tpl/gt-empty.txt", "tpl/missing.txt", "tpl/gt-bad.txt"]:
    add("go-template-file", *lbl("svc.json", "-o", "go-template-file=" + f))
    add("go-template-file", *lbl("svc.json", "-o", "templatefile=" + f))

# ---------- -o json|yaml of odd values ----------
for fx in ("svc.json", "items.yaml", "multi.yaml", "yamlodd.yaml"):
    for o in ("json", "yaml", "name"):
        add("json-yaml", *lbl(fx, "-o", o))
    add("json-yaml", "annotate", "--local", "-f", fx, "a=b", "-o", "yaml")
    add("json-yaml", "annotate", "--local", "-f", fx, "a=b", "-o", "json")
for fx in sorted(os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fx", "odd"))):
    for o in ("json", "yaml"):
        add("odd-values", *lbl("odd/" + fx, "-o", o))

# ---------- control characters ----------
cps = list(range(0x00, 0x20)) + list(range(0x7f, 0xa1)) + [0xad, 0x2028, 0x2029, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xfffe, 0xffff,
       0x10000, 0x1f600, 0x10fffe, 0x10ffff, 0xfdd0, 0x1fffe, 0xd800, 0xdfff]
for cp in cps:
    for o in ("yaml", "json"):
        add("ctrl", *lbl("ctrl/v%04x.json" % cp, "-o", o))
    add("ctrl", *lbl("ctrl/k%04x.json" % cp, "-o", "yaml"))
for cp in (0x7f, 0x85, 0x9f, 0xfffe, 0x1b, 0x0):
    add("ctrl-multi", *lbl("ctrl/m%04x.yaml" % cp, "-o", "yaml"))
    add("ctrl-multi", *lbl("ctrl/m%04x.yaml" % cp, "-o", "json"))
    add("ctrl-multi", *lbl("ctrl/l%04x.yaml" % cp, "-o", "yaml"))
    add("ctrl-multi", "annotate", "--local", "-f", "ctrl/m%04x.yaml" % cp, "n=1", "-o", "yaml")
    add("ctrl-multi", "set", "image", "--local", "-f", "ctrl/p%04x.yaml" % cp, "c=nginx", "-o", "yaml")
    add("ctrl-multi", *lbl("ctrl/v%04x.json" % cp, "-o", "jsonpath={.data}"))
    add("ctrl-multi", *lbl("ctrl/v%04x.json" % cp, "-o", "go-template={{.data.v}}"))
    add("ctrl-multi", *lbl("ctrl/y%04x.yaml" % cp, "-o", "yaml"))

# ---------- set on odd documents ----------
setcmds = [["set", "env", "--local", "-f", None, "A=1", "-o", "yaml"],
           ["set", "image", "--local", "-f", None, "*=nginx", "-o", "yaml"],
           ["set", "resources", "--local", "-f", None, "--limits=cpu=1", "-o", "yaml"],
           ["set", "selector", "--local", "-f", None, "app=x", "-o", "yaml"],
           ["set", "serviceaccount", "--local", "-f", None, "sa1", "-o", "yaml"],
           ["set", "subject", "--local", "-f", None, "--user=u1", "-o", "yaml"]]
for fx in sorted(os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fx", "docs"))):
    for c in setcmds:
        add("set-odd", *[("docs/" + fx) if a is None else a for a in c])
    add("set-odd", *lbl("docs/" + fx, "-o", "yaml"))
    add("set-odd", "annotate", "--local", "-f", "docs/" + fx, "a=b", "-o", "json")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.jsonl"), "w") as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), "cases")
