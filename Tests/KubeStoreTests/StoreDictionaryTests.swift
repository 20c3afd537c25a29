import Testing
@testable import KubeStore

/// Stored rows are deflate streams primed with these dictionaries, so their bytes must never change:
/// each is pinned by its length and FNV-1a hash, taken from the bytes the rows of each format were
/// written with.
@Suite struct StoreDictionaryTests {
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    @Test func theDictionariesOfStoredFormatsNeverChange() {
        #expect(StoreDictionary.v1.count == 10_598)
        #expect(Self.fnv1a(StoreDictionary.v1) == 0x9e5b_ade5_2fc8_0fb6)
        #expect(StoreDictionary.v2.count == 6_070)
        #expect(Self.fnv1a(StoreDictionary.v2) == 0xb635_e557_a6ae_48ee)
        #expect(StoreDictionary.v3.count == 6_914)
        #expect(Self.fnv1a(StoreDictionary.v3) == 0x1f85_5672_8751_ba8f)
    }
}
