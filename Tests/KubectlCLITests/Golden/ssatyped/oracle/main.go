// Command oracle prints what structured-merge-diff says of an apply body: the typed conversion the
// API server makes first in a server-side apply (the patch object must fit the kind's schema).
// Usage: oracle OPENAPI_DIR body.json  (the body as JSON; kubectl sends it so).
// The schema is read from the OpenAPI v3 documents of OPENAPI_DIR (api/v1.json, apis/*/*.json) and
// turned into structured-merge-diff types by the rules v1.32's kube-openapi schemaconv applies to
// OpenAPI v3 (written here from those rules, not copied): an object's properties are struct fields,
// additionalProperties its element type, no properties at all a deduced map; arrays take their list
// type and map keys from x-kubernetes-list-type/-list-map-keys or the patch strategy; strings with a
// format other than byte are untyped, as is a schema without a type; Quantity and RawExtension are
// untyped scalars.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/structured-merge-diff/v4/schema"
	"sigs.k8s.io/structured-merge-diff/v4/typed"
)

type js = map[string]interface{}

var untypedName = "__untyped_atomic_"
var deducedName = "__untyped_deduced_"

func scalar(s string) *schema.Scalar { x := schema.Scalar(s); return &x }

type conv struct{ preserve bool }

func (c conv) atom(m js) schema.Atom {
	if p, ok := m["x-kubernetes-preserve-unknown-fields"].(bool); ok && p {
		c.preserve = true
	}
	typ := ""
	switch t := m["type"].(type) {
	case string:
		typ = t
	case []interface{}:
		if len(t) > 0 {
			typ, _ = t[0].(string)
		}
	}
	switch typ {
	case "":
		return schema.Atom{Scalar: scalar("untyped"), List: c.list(m), Map: c.object(m)}
	case "object":
		return schema.Atom{Map: c.object(m)}
	case "array":
		return schema.Atom{List: c.list(m)}
	case "integer", "number":
		return schema.Atom{Scalar: scalar(string(schema.Numeric))}
	case "boolean":
		return schema.Atom{Scalar: scalar(string(schema.Boolean))}
	case "string":
		f, _ := m["format"].(string)
		if f == "" || f == "byte" {
			return schema.Atom{Scalar: scalar(string(schema.String))}
		}
	}
	return schema.Atom{Scalar: scalar("untyped")}
}

func (c conv) ref(m js) schema.TypeRef {
	r, _ := m["$ref"].(string)
	if all, ok := m["allOf"].([]interface{}); r == "" && ok && len(all) == 1 {
		r, _ = all[0].(js)["$ref"].(string)
	}
	if r != "" {
		n := r[strings.LastIndex(r, "/")+1:]
		// (v4.2+ also records an x-kubernetes-map-type override on the reference; it changes merges,
		// not validation, and Debian's v4.1 has no field for it.)
		return schema.TypeRef{NamedType: &n}
	}
	return schema.TypeRef{Inlined: c.atom(m)}
}

func mapRel(m js) schema.ElementRelationship {
	switch m["x-kubernetes-map-type"] {
	case "atomic":
		return schema.Atomic
	case "granular":
		return schema.Separable
	}
	return ""
}

func (c conv) object(m js) *schema.Map {
	out := &schema.Map{ElementRelationship: mapRel(m)}
	props, _ := m["properties"].(js)
	for name, p := range props {
		out.Fields = append(out.Fields, schema.StructField{Name: name, Type: c.ref(p.(js)), Default: p.(js)["default"]})
	}
	switch ap := m["additionalProperties"].(type) {
	case nil:
		if c.preserve || len(props) == 0 {
			out.ElementType = schema.TypeRef{NamedType: &deducedName}
		}
	case js:
		out.ElementType = c.ref(ap)
	case bool:
		if ap {
			out.ElementType = schema.TypeRef{NamedType: &deducedName}
		}
	}
	return out
}

func (c conv) list(m js) *schema.List {
	out := &schema.List{ElementRelationship: schema.Atomic}
	switch m["x-kubernetes-list-type"] {
	case "set":
		out.ElementRelationship = schema.Associative
	case "map":
		out.ElementRelationship = schema.Associative
		for _, k := range m["x-kubernetes-list-map-keys"].([]interface{}) {
			out.Keys = append(out.Keys, k.(string))
		}
	case nil:
		if s, _ := m["x-kubernetes-patch-strategy"].(string); s == "merge" || s == "merge,retainKeys" {
			out.ElementRelationship = schema.Associative
			if k, ok := m["x-kubernetes-patch-merge-key"].(string); ok {
				out.Keys = []string{k}
			}
		}
	}
	if items, ok := m["items"].(js); ok {
		out.ElementType = c.ref(items)
	} else {
		out.ElementType = schema.TypeRef{NamedType: &untypedName}
	}
	return out
}

func main() {
	models := js{}
	files, _ := filepath.Glob(filepath.Join(os.Args[1], "apis", "*", "*.json"))
	files = append(files, filepath.Join(os.Args[1], "api", "v1.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		var doc js
		if err := json.Unmarshal(b, &doc); err != nil {
			panic(err)
		}
		for k, v := range doc["components"].(js)["schemas"].(js) {
			models[k] = v
		}
	}
	var body js
	b, _ := os.ReadFile(os.Args[2])
	if err := json.Unmarshal(b, &body); err != nil {
		panic(err)
	}
	apiVersion, _ := body["apiVersion"].(string)
	kind, _ := body["kind"].(string)
	group, version := "", apiVersion
	if i := strings.Index(apiVersion, "/"); i >= 0 {
		group, version = apiVersion[:i], apiVersion[i+1:]
	}
	s := schema.Schema{}
	root := ""
	for name, raw := range models {
		m := raw.(js)
		if _, ok := m["$ref"]; ok {
			continue
		}
		var a schema.Atom
		if name == "io.k8s.apimachinery.pkg.api.resource.Quantity" || name == "io.k8s.apimachinery.pkg.runtime.RawExtension" {
			a = schema.Atom{Scalar: scalar("untyped")}
		} else {
			a = conv{}.atom(m)
		}
		s.Types = append(s.Types, schema.TypeDef{Name: name, Atom: a})
		gvks, _ := m["x-kubernetes-group-version-kind"].([]interface{})
		for _, g := range gvks {
			g := g.(js)
			if g["group"] == group && g["version"] == version && g["kind"] == kind {
				root = name
			}
		}
	}
	s.Types = append(s.Types,
		schema.TypeDef{Name: untypedName, Atom: schema.Atom{Scalar: scalar("untyped"),
			List: &schema.List{ElementType: schema.TypeRef{NamedType: &untypedName}, ElementRelationship: schema.Atomic},
			Map:  &schema.Map{ElementType: schema.TypeRef{NamedType: &untypedName}, ElementRelationship: schema.Atomic}}},
		schema.TypeDef{Name: deducedName, Atom: schema.Atom{Scalar: scalar("untyped"),
			List: &schema.List{ElementType: schema.TypeRef{NamedType: &untypedName}, ElementRelationship: schema.Atomic},
			Map:  &schema.Map{ElementType: schema.TypeRef{NamedType: &deducedName}, ElementRelationship: schema.Separable}}})
	if root == "" {
		fmt.Println("no schema for", apiVersion, kind)
		os.Exit(2)
	}
	p := &typed.Parser{Schema: s}
	if _, err := p.Type(root).FromUnstructured(body); err != nil {
		fmt.Println(err.Error())
		os.Exit(1)
	}
	fmt.Println("ok")
}
