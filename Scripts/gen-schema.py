#!/usr/bin/env python3
"""Compile the upstream Kubernetes OpenAPI v3 documents into the compact schema text that
KubeSchema embeds (Sources/KubeSchema/Generated/BuiltinSchemaData.swift).

Only structure is kept: no description text ever leaves the upstream documents.

Usage:
  Scripts/gen-schema.py [--openapi DIR] [--out FILE]      write the generated Swift file
  Scripts/gen-schema.py --field-tree [--openapi DIR]      print the field-tree fixture (stdout)

Text format (one record per line, fields separated by single spaces; see Sources/KubeSchema/Format.swift):
  V <groupVersion>                                  a served group/version, e.g. v1, apps/v1
  K <group>:<version>:<Kind> <definition>           GVK index (group empty for core)
  R <groupVersion> <plural> <group>:<version>:<Kind> <n|c> <verb,verb,...>
  S <groupVersion> <plural>/<sub> <group>:<version>:<Kind>|- <verb,...>
  D <definition> <type> [ext...]                    a definition (components.schemas entry)
  g <group>:<version>:<Kind>                        x-kubernetes-group-version-kind of the last D
  q <name,name,...>                                 required properties of the last D
  e <value>                                         one enum value of the last D or f (repeatable)
  f <name> <type> [ext...]                          a property of the last D, in upstream order
Types: string[:fmt] integer[:fmt] number[:fmt] boolean object any int-or-string quantity
       @<definition> (reference) [<type> (array of) {<type> (map of)
Extensions: pmk=<key> ps=<strategy> lt=<listType> lk=<k1,k2> mt=<mapType> pu (preserve unknown
       fields) er (embedded resource) ios (int-or-string)
"""
import argparse, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_OPENAPI = os.path.join(ROOT, '..', 'shared', 'openapi', 'v1.32')
DEFAULT_OUT = os.path.join(ROOT, 'Sources', 'KubeSchema', 'Generated', 'BuiltinSchemaData.swift')
REF = '#/components/schemas/'

# Types whose Go implementation has its own UnmarshalJSON accepting any JSON value.
OPAQUE = {
    'io.k8s.apimachinery.pkg.runtime.RawExtension',
    'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray',
}
QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity'
INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'


def documents(openapi_dir):
    files = [os.path.join(openapi_dir, 'api', 'v1.json')]
    files += sorted(glob.glob(os.path.join(openapi_dir, 'apis', '*', '*.json')))
    for f in files:
        rel = os.path.relpath(f, openapi_dir)[:-len('.json')]
        gv = 'v1' if rel == 'api/v1' else rel[len('apis/'):]
        with open(f) as fh:
            yield gv, json.load(fh)


def check_token(s):
    if not s or any(c.isspace() for c in s):
        raise SystemExit('value unusable as a token: %r' % (s,))
    return s


def type_token(s, ctx):
    """The compact type token of a property/items/additionalProperties schema."""
    if s is True or s is None:
        return 'any'
    if '$ref' in s:
        return '@' + s['$ref'][len(REF):]
    if 'allOf' in s and len(s['allOf']) == 1 and '$ref' in s['allOf'][0]:
        return '@' + s['allOf'][0]['$ref'][len(REF):]
    if s.get('x-kubernetes-int-or-string') or s.get('format') == 'int-or-string':
        return 'int-or-string'
    t = s.get('type')
    if t == 'array':
        return '[' + type_token(s.get('items'), ctx)
    if t == 'object' or (t is None and 'additionalProperties' in s):
        ap = s.get('additionalProperties')
        if ap is not None and ap is not False:
            return '{' + type_token(ap, ctx)
        if s.get('properties'):
            raise SystemExit('inline object with properties at %s: not representable' % ctx)
        return 'object' if t == 'object' and not s.get('x-kubernetes-preserve-unknown-fields') else 'any'
    if t in ('string', 'integer', 'number', 'boolean'):
        return t + (':' + s['format'] if s.get('format') else '')
    if t is None:
        return 'any'
    raise SystemExit('unknown type %r at %s' % (t, ctx))


def ext_tokens(s):
    out = []
    if not isinstance(s, dict):
        return out
    if 'x-kubernetes-patch-merge-key' in s:
        out.append('pmk=' + check_token(s['x-kubernetes-patch-merge-key']))
    if 'x-kubernetes-patch-strategy' in s:
        out.append('ps=' + check_token(s['x-kubernetes-patch-strategy']))
    if 'x-kubernetes-list-type' in s:
        out.append('lt=' + check_token(s['x-kubernetes-list-type']))
    if 'x-kubernetes-list-map-keys' in s:
        out.append('lk=' + check_token(','.join(s['x-kubernetes-list-map-keys'])))
    if 'x-kubernetes-map-type' in s:
        out.append('mt=' + check_token(s['x-kubernetes-map-type']))
    if s.get('x-kubernetes-preserve-unknown-fields'):
        out.append('pu')
    if s.get('x-kubernetes-embedded-resource'):
        out.append('er')
    if s.get('x-kubernetes-int-or-string'):
        out.append('ios')
    return out


def definition_type(name, s):
    if name in OPAQUE:
        return 'any'
    if name == QUANTITY:
        return 'quantity'
    if name == INT_OR_STRING:
        return 'int-or-string'
    t = s.get('type')
    if t == 'object' or t is None and s.get('properties'):
        if s.get('properties') or 'additionalProperties' not in s:
            return 'object'
    return type_token(s, name)


def enum_lines(s):
    return ['e ' + json.dumps(v) for v in s.get('enum', [])]


def gvk_str(g):
    return '%s:%s:%s' % (g.get('group', ''), g['version'], g['kind'])


PATH_RE = re.compile(
    r'^/(?:api|apis/(?P<group>[^/]+))/(?P<version>[^/]+)/(?P<watch>watch/)?'
    r'(?P<ns>namespaces/\{namespace\}/)?(?P<plural>[^/{}]+)'
    r'(?:/\{name\}(?:/(?P<sub>[^/{}]+)(?:/\{path\})?)?)?$')

ACTION_VERBS = {'get': 'get', 'list': 'list', 'post': 'create', 'put': 'update', 'patch': 'patch',
                'delete': 'delete', 'deletecollection': 'deletecollection', 'watch': 'watch',
                'watchlist': 'watch'}
CONNECT_VERBS = {'get': 'get', 'post': 'create', 'put': 'update', 'patch': 'patch', 'delete': 'delete'}


def load(openapi_dir):
    schemas = {}
    order = []
    gvs = []
    resources = {}   # (gv, plural) -> dict
    subresources = {}  # (gv, plural, sub) -> dict
    for gv, doc in documents(openapi_dir):
        gvs.append(gv)
        for name, s in doc['components']['schemas'].items():
            if name not in schemas:
                schemas[name] = s
                order.append(name)
        for path, ops in doc['paths'].items():
            m = PATH_RE.match(path)
            if not m:
                continue
            for method, op in ops.items():
                if method == 'parameters':
                    continue
                action = op.get('x-kubernetes-action')
                if action == 'connect':
                    verb = CONNECT_VERBS.get(method)
                else:
                    verb = ACTION_VERBS.get(action)
                if verb is None:
                    continue
                gvk = op.get('x-kubernetes-group-version-kind')
                plural, sub = m.group('plural'), m.group('sub')
                if sub is None:
                    r = resources.setdefault((gv, plural), {'kind': None, 'namespaced': False, 'verbs': set()})
                    r['verbs'].add(verb)
                    if m.group('ns'):
                        r['namespaced'] = True
                    if gvk and r['kind'] is None and action not in ('list', 'watchlist', 'deletecollection'):
                        r['kind'] = gvk_str(gvk)
                    if gvk and action in ('list',) and r.get('listKind') is None:
                        r['listKind'] = gvk_str(gvk)
                else:
                    r = subresources.setdefault((gv, plural, sub), {'kind': None, 'verbs': set()})
                    r['verbs'].add(verb)
                    if gvk and r['kind'] is None:
                        r['kind'] = gvk_str(gvk)
    for r in resources.values():
        if r['kind'] is None:
            r['kind'] = r.get('listKind')
    return schemas, order, gvs, resources, subresources


def compile_text(openapi_dir):
    schemas, order, gvs, resources, subresources = load(openapi_dir)
    out = ['# kubeschema 1']
    for gv in gvs:
        out.append('V ' + gv)
    gvk_index = []
    for name in sorted(order):
        for g in schemas[name].get('x-kubernetes-group-version-kind', []):
            gvk_index.append('K %s %s' % (gvk_str(g), name))
    out += sorted(gvk_index, key=lambda l: l.split(' ')[1].encode())
    for (gv, plural), r in sorted(resources.items(), key=lambda kv: (gvs.index(kv[0][0]), kv[0][1])):
        out.append('R %s %s %s %s %s' % (gv, plural, r['kind'] or '-', 'n' if r['namespaced'] else 'c',
                                         ','.join(sorted(r['verbs']))))
    for (gv, plural, sub), r in sorted(subresources.items(), key=lambda kv: (gvs.index(kv[0][0]), kv[0][1], kv[0][2])):
        out.append('S %s %s/%s %s %s' % (gv, plural, sub, r['kind'] or '-', ','.join(sorted(r['verbs']))))
    for name in sorted(order, key=lambda n: n.encode()):
        s = schemas[name]
        out.append(' '.join(['D', check_token(name), definition_type(name, s)] + ext_tokens(s)))
        for g in s.get('x-kubernetes-group-version-kind', []):
            out.append('g ' + gvk_str(g))
        if s.get('required'):
            out.append('q ' + ','.join(check_token(r) for r in s['required']))
        out += enum_lines(s)
        if name in OPAQUE or name in (QUANTITY, INT_OR_STRING):
            continue
        for pname, p in (s.get('properties') or {}).items():
            out.append(' '.join(['f', check_token(pname), type_token(p, name + '.' + pname)] + ext_tokens(p)))
            out += enum_lines(p)
    text = '\n'.join(out) + '\n'
    if '"""#' in text or '\\' in text:
        raise SystemExit('schema text contains characters unsafe for a raw string literal')
    return text


def write_swift(text, out_path):
    chunks, cur, size = [], [], 0
    for line in text.splitlines(keepends=True):
        cur.append(line)
        size += len(line)
        if size > 60000:
            chunks.append(''.join(cur)); cur, size = [], 0
    if cur:
        chunks.append(''.join(cur))
    parts = ['// GENERATED by Scripts/gen-schema.py from the Kubernetes v1.32 OpenAPI v3 documents.',
             '// Structure only (no upstream description text). Do not edit by hand.',
             '',
             '/// The compact schema text, split in chunks to keep the compiler fast; joined at first use.',
             'let builtinSchemaChunks: [StaticString] = [']
    for c in chunks:
        parts.append('    #"""\n' + c + '"""#,')
    parts.append(']')
    with open(out_path, 'w') as fh:
        fh.write('\n'.join(parts) + '\n')


# ---------------------------------------------------------------- field tree (independent path)

TREE_KINDS = [
    ('', 'v1', 'Pod'), ('apps', 'v1', 'Deployment'), ('', 'v1', 'Service'), ('', 'v1', 'ConfigMap'),
    ('batch', 'v1', 'Job'), ('batch', 'v1', 'CronJob'), ('apps', 'v1', 'StatefulSet'),
    ('apps', 'v1', 'DaemonSet'), ('networking.k8s.io', 'v1', 'Ingress'), ('', 'v1', 'Namespace'),
    ('', 'v1', 'Node'), ('', 'v1', 'PersistentVolumeClaim'), ('', 'v1', 'PersistentVolume'),
]
TREE_MAX_DEPTH = 7


def field_tree(openapi_dir):
    """Walks the raw upstream schemas (not the compiled text) to list every field path."""
    schemas = {}
    for _, doc in documents(openapi_dir):
        for name, s in doc['components']['schemas'].items():
            schemas.setdefault(name, s)
    by_gvk = {}
    for name, s in schemas.items():
        for g in s.get('x-kubernetes-group-version-kind', []):
            by_gvk[(g.get('group', ''), g['version'], g['kind'])] = name

    def ref_of(p):
        if p is None or p is True:
            return None
        if '$ref' in p:
            return p['$ref'][len(REF):]
        if len(p.get('allOf', [])) == 1 and '$ref' in p['allOf'][0]:
            return p['allOf'][0]['$ref'][len(REF):]
        return None

    def render(p):
        """(type string, struct definition to descend into, suffix for the path)"""
        r = ref_of(p)
        if r is not None:
            if r in OPAQUE:
                return 'any', None
            if r == QUANTITY:
                return 'quantity', None
            if r == INT_OR_STRING:
                return 'int-or-string', None
            d = schemas[r]
            if d.get('properties'):
                return 'object', r
            if d.get('type') == 'object':
                return 'object', None
            return render(d)
        if p is None or p is True:
            return 'any', None
        if p.get('format') == 'int-or-string':
            return 'int-or-string', None
        t = p.get('type')
        if t == 'array':
            inner, d = render(p.get('items'))
            return '[]' + inner, d
        if t == 'object' or (t is None and 'additionalProperties' in p):
            ap = p.get('additionalProperties')
            if ap is not None and ap is not False:
                inner, d = render(ap)
                return 'map[string]' + inner, d
            return ('object' if t == 'object' else 'any'), None
        if t in ('string', 'integer', 'number', 'boolean'):
            return t + ('(' + p['format'] + ')' if p.get('format') else ''), None
        return 'any', None

    lines = []

    def walk(defname, prefix, stack, depth):
        d = schemas[defname]
        req = set(d.get('required', []))
        for pname, p in (d.get('properties') or {}).items():
            ty, sub = render(p)
            path = prefix + '.' + pname
            lines.append(path + '\t' + ty + ('\trequired' if pname in req else ''))
            if sub is None or sub in stack or depth + 1 >= TREE_MAX_DEPTH:
                continue
            suffix = ''
            t = ty
            while True:
                if t.startswith('[]'):
                    suffix += '[]'; t = t[2:]
                elif t.startswith('map[string]'):
                    suffix += '{}'; t = t[len('map[string]'):]
                else:
                    break
            walk(sub, path + suffix, stack + [sub], depth + 1)

    for g, v, k in TREE_KINDS:
        name = by_gvk[(g, v, k)]
        walk(name, k, [name], 0)
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--openapi', default=DEFAULT_OPENAPI)
    ap.add_argument('--out', default=DEFAULT_OUT)
    ap.add_argument('--field-tree', action='store_true')
    ap.add_argument('--text', action='store_true', help='print the schema text instead of writing Swift')
    a = ap.parse_args()
    if a.field_tree:
        sys.stdout.write(field_tree(a.openapi))
        return
    text = compile_text(a.openapi)
    if a.text:
        sys.stdout.write(text)
        return
    write_swift(text, a.out)
    print('wrote %s (%d bytes of schema text)' % (a.out, len(text)), file=sys.stderr)


if __name__ == '__main__':
    main()
