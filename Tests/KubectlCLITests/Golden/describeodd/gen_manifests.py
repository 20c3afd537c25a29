import os; os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "manifests"))
# Writes the describe sweep's manifests (run once; the YAML files are what record.sh creates).
longname = "cm-" + "a"*50 + "-" + "b"*100 + "-" + "c"*95 + "xyz"
assert len(longname) == 253, len(longname)
many_keys = "\n".join(f"  key-{i:02d}: value {i}" for i in range(30))
open("00-namespaces.yaml","w").write("""apiVersion: v1
kind: Namespace
metadata:
  name: odd
  labels:
    team: uni-no
---
apiVersion: v1
kind: Namespace
metadata:
  name: ns-with-a-rather-long-name-abcdefghijklmnopqrstuvwxyz-01234567
  annotations:
    note: "名前空間 — long"
""")
open("01-config.yaml","w").write(f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: empty
  namespace: odd
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: unicode
  namespace: odd
  labels:
    app: x
  annotations:
    description: "Zoë's café ☕ config — 日本語"
data:
  gruesse: "héllo wörld"
  emoji: "🚀🚀🚀"
  multi: |
    line one
    line two with trailing space 
    
    after blank
  empty: ""
  spaces: "   "
binaryData:
  blob: AAECAwQF
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: many-keys
  namespace: odd
data:
{many_keys}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {longname}
  namespace: odd
data:
  long: "{'x'*300}"
---
apiVersion: v1
kind: Secret
metadata:
  name: tls-empty
  namespace: odd
type: kubernetes.io/tls
data:
  tls.crt: ""
  tls.key: ""
---
apiVersion: v1
kind: Secret
metadata:
  name: docker
  namespace: odd
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: eyJhdXRocyI6e319
---
apiVersion: v1
kind: Secret
metadata:
  name: string-only
  namespace: odd
stringData:
  password: "pässwörd"
  z: ""
---
apiVersion: v1
kind: Secret
metadata:
  name: custom-type
  namespace: odd
type: example.com/unusual
""")
