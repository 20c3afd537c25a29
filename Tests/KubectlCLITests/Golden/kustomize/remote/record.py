#!/usr/bin/env python3
"""Records kubectl v1.32 on kustomizations that name remote roots (git repository specs in every form
kustomize reads, http(s) files, components, the build argument itself): expected.jsonl holds stdout,
stderr and exit code for each line of cases.jsonl.

kubectl runs git for them, so the recording fixes what git sees: GIT_CONFIG_GLOBAL is ./gitconfig (github.com
is rewritten to a mirror path that does not exist, so no network is asked), GIT_CONFIG_NOSYSTEM=1, and
a local repository is made from _repo/ (one commit, tag v1) in a temporary directory; `$REPO` in the
case files and arguments is its path. In the output the case folder is $ROOT, the repository $REPO,
kustomize's clone directories `$TMP/kustomize-N`, klog headers `I0000 00:00:00.000000       0`, and the
name server Go's resolver names (first nameserver of /etc/resolv.conf) `$NAMESERVER`, this folder $HERE. A
line's "env" is added to the environment ($HERE in it: this folder), e.g. a PATH whose git is _fakegit/git.
Usage: record.py   (needs git; offline: .invalid names must not resolve)"""
import json, os, re, shutil, subprocess, tempfile
here = os.path.dirname(os.path.abspath(__file__))
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
work = tempfile.mkdtemp()
repo, cases = os.path.join(work, "repo"), os.path.join(work, "cases")
env = dict(os.environ, GIT_CONFIG_GLOBAL=os.path.join(here, "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
           KUBECONFIG=os.path.join(work, "kubeconfig"), HOME=work,
           GIT_AUTHOR_NAME="a", GIT_AUTHOR_EMAIL="a@example.invalid", GIT_COMMITTER_NAME="a",
           GIT_COMMITTER_EMAIL="a@example.invalid", GIT_AUTHOR_DATE="2026-12-01T00:00:00Z",
           GIT_COMMITTER_DATE="2026-12-01T00:00:00Z")
env.pop("TMPDIR", None)
open(env["KUBECONFIG"], "w").close()
shutil.copytree(os.path.join(here, "_repo"), repo)
for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "init"], ["tag", "v1"]):
    subprocess.run(["git"] + args, cwd=repo, env=env, check=True)
shutil.copytree(os.path.join(here, "cases"), cases)
for name in os.listdir(cases):
    p = os.path.join(cases, name, "kustomization.yaml")
    text = open(p).read().replace("$REPO", repo)
    open(p, "w").write(text)
ns = next((l.split()[1] for l in open("/etc/resolv.conf") if l.split()[:1] == ["nameserver"]), "127.0.0.1")
ns = f"[{ns}]:53" if ":" in ns else ns + ":53"

def mask(text):
    text = text.replace(cases, "$ROOT").replace(repo, "$REPO").replace(here, "$HERE")
    text = re.sub(r"[^\s'\"]*/kustomize-[0-9]+", "$TMP/kustomize-N", text)
    text = re.sub(r"^I[0-9]{4} [0-9:.]{15} +[0-9]+ ", "I0000 00:00:00.000000       0 ", text, flags=re.M)
    return text.replace(f" on {ns}: ", " on $NAMESERVER: ")

out = []
for line in open(os.path.join(here, "cases.jsonl")):
    c = json.loads(line)
    args = [a.replace("$ROOT", cases).replace("$REPO", repo) for a in c["args"]]
    case_env = dict(env, **{k: v.replace("$HERE", here) for k, v in c.get("env", {}).items()})
    r = subprocess.run([kubectl] + args, capture_output=True, cwd=cases, stdin=subprocess.DEVNULL, env=case_env)
    out.append({"name": c["name"], "out": mask(r.stdout.decode()), "err": mask(r.stderr.decode()), "rc": r.returncode})
open(os.path.join(here, "expected.jsonl"), "w").write("".join(json.dumps(o) + "\n" for o in out))
shutil.rmtree(work)
