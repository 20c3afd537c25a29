"""What the Go zero-value scripts share (go-zero-probe.py, go-zero-check.py and
Tests/KubectlCLITests/Golden/storedshape/record-tagged.py): the v1.32 OpenAPI schemas, the reference
helpers, and the marks of Sources/KubeSchema/GoFieldOrder.swift (`+` a value written at Go's zero, `!` a
nil pointer/slice/map written as null, `-` a string/number/bool with omitempty; in a `=` line an unmarked
field is a pointer, slice or map with omitempty)."""
import glob, json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPENAPI = os.path.join(ROOT, "..", "shared", "openapi", "v1.32")
KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
# Types encoding/json writes through their own marshalers (a zero Time is null, a Quantity "0", ...).
SPECIAL = {"io.k8s.apimachinery.pkg.apis.meta.v1.Time", "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
           "io.k8s.apimachinery.pkg.api.resource.Quantity", "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
           "io.k8s.apimachinery.pkg.apis.meta.v1.Duration"}
MARKS = "+!-"
WRITTEN = ("+", "!")


def schemas(openapi=OPENAPI):
    """Definition name -> schema, from every document of the OpenAPI directory."""
    s = {}
    for f in [os.path.join(openapi, "api", "v1.json")] + glob.glob(os.path.join(openapi, "apis", "*", "*.json")):
        s.update(json.load(open(f))["components"]["schemas"])
    return s


def ref(v):
    """The definition a property refers to (directly or through allOf), else None."""
    if isinstance(v.get("$ref"), str): return v["$ref"].split("/")[-1]
    if "allOf" in v: return v["allOf"][0]["$ref"].split("/")[-1]


def item_type(v):
    """The definition a list property's items refer to, else None."""
    return ref(v.get("items", {})) if v.get("type") == "array" else None


def typeof(p):
    """("ref", name), ("array", items), ("map", values) or ("scalar", type) of a property."""
    r = ref(p)
    if r: return "ref", r
    if p.get("type") == "array": return "array", p.get("items", {})
    if p.get("type") == "object" and "additionalProperties" in p: return "map", p["additionalProperties"]
    return "scalar", p.get("type")


def split_mark(word):
    """("field", mark) of a word of the table ("" when unmarked)."""
    return (word[:-1], word[-1]) if word[-1] in MARKS else (word, "")


def table(path=os.path.join(ROOT, "Sources", "KubeSchema", "GoFieldOrder.swift")):
    """Definition name -> (classified, [(field, mark)] in Go order), from GoFieldOrder's text."""
    text = open(path).read().split('static let text = """')[1].split('"""')[0]
    out, prefix = {}, ""
    for line in text.split("\n"):
        w = line.split()
        if not w: continue
        if w[0].startswith("@"): prefix = w[0][1:] + "."; continue
        out[prefix + w[0].lstrip("=")] = (w[0].startswith("="), [split_mark(x) for x in w[1:]])
    return out


def marks(path=None):
    """Definition name -> {field: mark} for the types whose fields are all classified (`=` lines)."""
    t = table(path) if path else table()
    return {n: dict(fields) for n, (classified, fields) in t.items() if classified}
