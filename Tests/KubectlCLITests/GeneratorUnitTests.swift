#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import Testing
@testable import KubectlCLI

@Suite struct GeneratorUnitTests {
    @Test func randomSuffixUsesKubernetesAlphabet() {
        let s = GeneratorContext.defaultRandomSuffix(5)
        #expect(s.count == 5)
        #expect(s.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test func containerNameFromImage() {
        #expect(CreateDeployment.containerName(image: "registry.k8s.io/pause:3.9", randomSuffix: { _ in "x" }) == "pause")
        #expect(CreateDeployment.containerName(image: "my_app.v2:1", randomSuffix: { _ in "abcde" }) == "my-app-v2-abcde")
        #expect(CreateDeployment.containerName(image: "localhost:5000/busybox@sha256:ab", randomSuffix: { _ in "x" }) == "busybox")
    }

    @Test(arguments: [("1", "1"), ("1000m", "1"), ("2000", "2k"), ("1G", "1G"), ("0.5", "500m"), ("2048Mi", "2Gi"),
                      ("1536Mi", "1536Mi"), ("100Mi", "100Mi"), ("1.5Gi", "1536Mi"), ("0", "0"), ("10e3", "10e3")])
    func quantityCanonicalForm(input: String, expected: String) throws {
        #expect(try Quantity.canonical(input) == expected)
    }

    @Test func sha256KnownVector() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func jobFromCronJobReordersTypedFields() throws {
        let cj = try JSON.parse(#"{"metadata":{"name":"c","uid":"u1"},"spec":{"jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"image":"i","name":"n"}]}},"backoffLimit":1}}}}"#)
        let job = CreateJob.fromCronJob(name: "j", cronJob: cj, namespace: "ns")
        #expect(job.jsonString(.compactOrdered) == #"{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","namespace":"ns","creationTimestamp":null,"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"u1","controller":true}]},"spec":{"backoffLimit":1,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"n","image":"i","resources":{}}],"restartPolicy":"Never"}}},"status":{}}"#)
    }
}
