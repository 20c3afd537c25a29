// Our descriptions of io.k8s.api.core.v1 configuration kinds. Format: DescriptionCatalog.swift.
let coreV1ConfigDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.ConfigMap
Non-secret configuration data as key/value pairs. Pods consume it as environment variables, command
arguments or files in a volume. The total size is limited to 1 MiB.
.apiVersion
The API version of this object's schema: "v1" for ConfigMap. Clients send it; the server checks it.
.binaryData
Keys mapped to binary values, written base64-encoded in YAML and JSON. Keys must be letters, digits,
"-", "_" or ".", and must not also appear in data.
.data
Keys mapped to UTF-8 text values. Keys must be letters, digits, "-", "_" or ".", and must not also
appear in binaryData. Mounted as a volume, each key becomes a file holding its value.
.immutable
When true, data and binaryData can no longer be changed (only the whole object deleted and created
again). Default false. Once set to true it cannot be set back.
.kind
The kind of object: "ConfigMap". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the ConfigMap.

@io.k8s.api.core.v1.Secret
Sensitive data such as passwords, tokens or keys, as key/value pairs, kept apart from pod definitions.
Pods consume it as environment variables or files in a volume. Values are base64-encoded in YAML and
JSON, which is an encoding, not encryption. The total size is limited to 1 MiB.
.apiVersion
The API version of this object's schema: "v1" for Secret. Clients send it; the server checks it.
.data
Keys mapped to the secret values, base64-encoded in YAML and JSON. Keys must be letters, digits, "-",
"_" or ".".
.immutable
When true, data can no longer be changed (only the whole object deleted and created again). Default
false. Once set to true it cannot be set back.
.kind
The kind of object: "Secret". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the Secret.
.stringData
A write-only convenience: plain-text values that the server base64-encodes and merges into data on
write (a key here replaces the same key in data). Never returned on read.
.type
What the secret holds, which decides the keys it must have. Default "Opaque" (any keys). Others
include:
- kubernetes.io/service-account-token (a token for a service account)
- kubernetes.io/dockerconfigjson (registry credentials, key .dockerconfigjson)
- kubernetes.io/basic-auth (keys username and password)
- kubernetes.io/ssh-auth (key ssh-privatekey)
- kubernetes.io/tls (keys tls.crt and tls.key)
Cannot be changed after creation.
"""#,
]
