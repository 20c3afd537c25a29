import KubeModel

/// `kubectl describe configmap`: each data key with its value, binary data sizes, then events.
func describeConfigMap(_ cm: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(cm.name)\n")
        w.write(L0, "Namespace:\t\(cm.namespace)\n")
        printLabels(w, "Labels", cm.labels)
        printAnnotations(w, "Annotations", cm.annotations)
        w.write(L0, "\nData\n====\n")
        for k in (cm["data"].object?.keys ?? []).sorted(by: goStringLess) {
            w.write(L0, "\(k):\n----\n")
            w.write(L0, "\(cm["data"][k].str)\n")
            w.write(L0, "\n")
        }
        w.write(L0, "\nBinaryData\n====\n")
        for k in (cm["binaryData"].object?.keys ?? []).sorted(by: goStringLess) {
            w.write(L0, "\(k): \(base64DecodedLength(cm["binaryData"][k].str)) bytes\n")
        }
        w.write(L0, "\n")
        writeEventsIfShown(w, cm, ctx)
    }
}

/// `kubectl describe secret`: type and data sizes (service-account tokens are shown).
func describeSecret(_ s: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(s.name)\n")
        w.write(L0, "Namespace:\t\(s.namespace)\n")
        printLabels(w, "Labels", s.labels)
        printAnnotations(w, "Annotations", s.annotations)
        let type = s["type"].str
        w.write(L0, "\nType:\t\(type)\n")
        w.write(L0, "\nData\n====\n")
        for k in (s["data"].object?.keys ?? []).sorted(by: goStringLess) {
            let encoded = s["data"][k].str
            if k == "token" && type == "kubernetes.io/service-account-token" {
                w.write(L0, "\(k):\t\(String(decoding: base64Decode(encoded), as: UTF8.self))\n")
            } else {
                w.write(L0, "\(k):\t\(base64DecodedLength(encoded)) bytes\n")
            }
        }
    }
}

func base64DecodedLength(_ s: String) -> Int { base64Decode(s).count }
