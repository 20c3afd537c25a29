import CLibYAML
import KubeModel

/// A folded (`>`) scalar as it comes out of a kustomize build. kustomize prints each resource through
/// kyaml's `RNode.MarshalJSON`, which writes the node as text (go-yaml v3, keeping the folded style) and
/// reads that text back; v3's folded writer adds a line break after every line that does not start with
/// a blank (see `KyamlNodeText`), which reads back as the same text except where YAML keeps breaks: before
/// a more-indented line and in a keep-chomped (`+`) tail. Measured with kubectl v1.32's kustomize
/// (sweep cases s34-keep-k7, s35-fold-*: `>+` value `a b\n\n` prints as `|+` with `a b\n\n\n`).
public enum KyamlFolded {
    /// The value the text `s` of a folded scalar has after the write and read back. Unchanged where
    /// go-yaml v3 does not write it folded (a space before a line break or at the end, a character it
    /// escapes: it writes those double-quoted) or where this does not model its writer.
    public static func readBack(_ s: String) -> String {
        guard !s.isEmpty, blockAllowed(s) else { return s }
        var text = "x: "
        guard KyamlNodeText.blockScalar(s, folded: true, indent: 2, into: &text) else { return s }
        text += "\n"
        var bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { try? YAMLDocumentDecoder.decode($0, kyaml: false) }
        return (value ?? nil)?["x"].string ?? s
    }

    /// go-yaml v3's `block_allowed`: no space at the end or before a line break, only printable characters.
    static func blockAllowed(_ s: String) -> Bool {
        if s.hasSuffix(" ") { return false }
        var previousSpace = false
        for u in s.unicodeScalars {
            if u == "\n" {
                if previousSpace { return false }
            } else if !printable(u) && u != "\t" {
                return false
            }
            previousSpace = u == " "
        }
        return true
    }

    /// go-yaml v3's printable set (its check reads at most three UTF-8 bytes: nothing above U+FFFF).
    private static func printable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: return true
        case 0xE000...0xFFFD: return u.value != 0xFEFF
        default: return false
        }
    }
}
