#!/usr/bin/env python3
"""Runs kubectl-local (BIN, default this repo's debug build) on every case of cases.txt as
DescribeOddGoldenTests does (manifests/ created at T0 in a fresh store, the command at T1) and counts the
lines that differ from golden/ (uids and generated-name suffixes masked; map-ordered cases as sorted lines): per case and in all. Usage: compare.py [-v] [NAME...]
Other describe golden folders of the same layout call compare(their folder, their manifests, their unordered cases)."""
import difflib, os, re, subprocess, sys, tempfile
def compare(here, manifests, unordered):
  bin_ = os.environ.get("BIN", os.path.join(here, "../../../../.build/debug/kubectl-local"))
  verbose = "-v" in sys.argv
  only = [a for a in sys.argv[1:] if a != "-v"]
  tmp = tempfile.mkdtemp()
  env = dict(os.environ, KUBECTL_LOCAL_STORE=os.path.join(tmp, "s.db"), HOME=tmp, KUBECTL_LOCAL_NOW="2026-11-01T00:00:00Z")
  for m in manifests:
      subprocess.run([bin_, "create", "-f", os.path.join(here, m)], env=env, capture_output=True, check=True)
  env["KUBECTL_LOCAL_NOW"] = "2026-11-21T00:00:00Z"
  uuid = re.compile(r"(?<![A-Za-z0-9])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])")
  rand = re.compile(r"(?<=[A-Za-z0-9])-[bcdfghjklmnpqrstvwxz2456789]{5}(?![\w-])")
  jwt = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
  def mask(t): return rand.sub("-<rand>", uuid.sub("<uid>", jwt.sub("<jwt>", t)))
  total = bad = cases = 0
  for line in open(os.path.join(here, "cases.txt")):
      if line.startswith("#") or "\t" not in line: continue
      name, args = line.rstrip("\n").split("\t", 1)
      if only and name not in only: continue
      cases += 1
      r = subprocess.run([bin_] + args.split(" "), env=env, capture_output=True, cwd=here)
      got = {"stdout": r.stdout.decode(), "stderr": r.stderr.decode(), "exit": "%d\n" % r.returncode}
      n = 0
      for part in ("stdout", "stderr", "exit"):
          want = open(os.path.join(here, "golden", name + "." + part)).read()
          a, b = mask(want).splitlines(), mask(got[part]).splitlines()
          if name in unordered: a, b = sorted(a), sorted(b)
          d = [l for l in difflib.unified_diff(a, b, "kubectl", "ours", lineterm="", n=0) if l[:1] in "+-" and l[:3] not in ("---", "+++")]
          n += sum(1 for l in d if l.startswith("-")) or len(d)
          if d and verbose:
              print("== %s %s" % (name, part)); print("\n".join(difflib.unified_diff(a, b, "kubectl", "ours", lineterm="", n=1)))
      if n: bad += 1; print("%-22s %3d lines differ" % (name, n))
      total += n
  print("%d of %d cases differ, %d lines" % (bad, cases, total))

if __name__ == "__main__":
  # kubectl prints these from Go maps (order changes run to run): compared as sorted lines, as the test does.
  compare(os.path.dirname(os.path.abspath(__file__)), ("manifests", "manifests-cr"),
          {"cm-unicode", "cm-many", "cm-all", "limits", "ns-odd", "secret-tls-empty", "secret-string-only", "secrets-all", "pv-pvc-all"})
