import CZlib
import KubeModel
import Testing
@testable import KubeStore

/// `Deflater` primes each object's stream by copying a stream whose dictionary was set once
/// (`deflateCopy`); before, one stream was reset and given the dictionary for every object. The bytes
/// must be the same: they are the stored rows and the change log's entries.
@Suite struct DeflaterCopyTests {
    /// The old way, kept here as the reference: one stream, reset and primed for every text.
    final class ResetDeflater {
        var stream = z_stream()
        init() {
            _ = deflateInit2_(&stream, 6, Z_DEFLATED, -15, 6, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        }
        deinit { deflateEnd(&stream) }

        func compress(_ input: [UInt8], format: UInt8) -> [UInt8]? {
            guard deflateReset(&stream) == Z_OK else { return nil }
            _ = DataCodec.dictionary(format)!.withUnsafeBufferPointer {
                deflateSetDictionary(&stream, $0.baseAddress, UInt32($0.count))
            }
            var header: [UInt8] = [format]
            var n = input.count
            repeat {
                header.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
                n >>= 7
            } while n > 0
            let bound = Int(deflateBound(&stream, UInt(input.count)))
            var out = [UInt8](repeating: 0, count: header.count + bound)
            var input = input
            let written: Int? = input.withUnsafeMutableBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { buffer in
                    for (i, b) in header.enumerated() { buffer[i] = b }
                    stream.next_in = inp.baseAddress
                    stream.avail_in = UInt32(inp.count)
                    stream.next_out = buffer.baseAddress! + header.count
                    stream.avail_out = UInt32(bound)
                    guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
                    return header.count + bound - Int(stream.avail_out)
                }
            }
            guard let written, written < input.count else { return nil }
            return Array(out[..<written])
        }
    }

    /// Texts of the kinds stored (a pod's states, events, a config map's data, names and uids) and
    /// random bytes of every length from 0 to 4,000, in an order that puts short texts after long ones
    /// (the reused stream's window still holds the longer text's bytes).
    static func texts() -> [[UInt8]] {
        var rng = SplitMix(seed: 32)
        var out: [[UInt8]] = [Array(CompactDataTests.pod.utf8)]
        let pod = CompactDataTests.pod
        for i in 0..<60 {
            out.append(Array(pod.replacingAll("web-1", with: "web-\(i * 7919)").utf8))
            out.append(Array(String(pod.prefix(96 + i * 17)).utf8))
        }
        let event = #"{"apiVersion":"v1","kind":"Event","metadata":{"name":"pod-1.187a3c2d4e5f6071","namespace":"ns-1"},"involvedObject":{"apiVersion":"v1","kind":"Pod","name":"pod-1","namespace":"ns-1"},"reason":"Pulled","message":"Container image \"nginx:1.27\" already present on machine","type":"Normal","count":3}"#
        out.append(Array(event.utf8))
        let alphabet = Array(#"{}[]":,abcdefghijklmnopqrstuvwxyz0123456789-./ "#.utf8)
        for length in stride(from: 4000, through: 0, by: -37) {
            out.append((0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            out.append((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            // Pieces of the dictionary itself, repeated (long matches into it).
            let dict = StoreDictionary.v3
            let start = Int(rng.next() % UInt64(dict.count))
            out.append(Array(dict[start..<min(dict.count, start + length)]) + Array(pod.utf8))
        }
        out.append(Array(repeating: 0x61, count: 70_000))
        out.append([0x7B])
        return out
    }

    @Test(arguments: [DataCodec.deflateV1, DataCodec.deflateV2, DataCodec.deflateCellsV1, DataCodec.deflateV3])
    func copiedPrimingWritesTheResetStreamsBytes(format: UInt8) {
        let reference = ResetDeflater()
        let deflater = Deflater()
        var compared = 0, compressed = 0
        for text in Self.texts() {
            let expected = reference.compress(text, format: format)
            let got = text.withUnsafeBufferPointer { deflater.compress($0, format: format) }
            #expect(got == expected, "text of \(text.count) bytes")
            compared += 1
            if expected != nil { compressed += 1 }
        }
        #expect(compared > 400 && compressed > 150)
    }

    /// Formats interleaved on one `Deflater` (objects and cells are written in turn).
    @Test func formatsInTurnKeepTheirOwnDictionary() {
        let reference = ResetDeflater()
        let deflater = Deflater()
        for (i, text) in Self.texts().enumerated() {
            let format = i % 2 == 0 ? DataCodec.deflateV3 : DataCodec.deflateCellsV1
            #expect(text.withUnsafeBufferPointer { deflater.compress($0, format: format) } == reference.compress(text, format: format))
        }
    }
}
