import KubeModel
import Testing

@testable import KubeSchema

/// The Go field order table: each listed type names exactly the fields v1.32's OpenAPI document gives it
/// (so a typo or a missed field fails here), and typed values come out in that order.
@Suite struct GoFieldOrderTests {
    @Test func everyListedTypeHasExactlyItsFields() {
        var problems: [String] = []
        for (name, order) in GoFieldOrder.table.sorted(by: { $0.key < $1.key }) {
            guard let def = SchemaIndex.builtin.definition(named: name) else { problems.append("\(name): no such definition"); continue }
            let documented = Set(def.properties.map(\.name))
            if Set(order) != documented || order.count != documented.count {
                problems.append("\(name): missing \(documented.subtracting(order).sorted()), extra \(Set(order).subtracting(documented).sorted())")
            }
        }
        #expect(problems == [])
        #expect(GoFieldOrder.table.count > 250)
    }

    @Test func typedValuesFollowTheTable() throws {
        let pod = try JSON.parse(#"{"spec":{"containers":[{"tty":true,"name":"c","image":"i","resources":{"requests":{"memory":"1Gi","cpu":"1"},"limits":{}}}],"nodeSelector":{"b":"1","a":"2"},"dnsPolicy":"ClusterFirst"},"metadata":{"uid":"u","name":"p"},"kind":"Pod","apiVersion":"v1"}"#)
        let ordered = GoFieldOrder.ordered(pod, type: .ref("io.k8s.api.core.v1.Pod"))
        #expect(ordered.jsonString(.compactOrdered) == #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","uid":"u"},"spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{},"requests":{"cpu":"1","memory":"1Gi"}},"tty":true}],"dnsPolicy":"ClusterFirst","nodeSelector":{"a":"2","b":"1"}}}"#)
        #expect(GoFieldOrder.sorted(pod).jsonString(.compactOrdered) == pod.compactJSON)
    }
}
