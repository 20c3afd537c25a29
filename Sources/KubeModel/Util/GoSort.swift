/// Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19 and later) over a permutation, so that
/// elements that compare equal end up in the order kubectl's sorter leaves them: insertion sort for
/// up to 12 elements, then pdqsort's pivots, partitions and pattern breaking, heapsort as the fallback.
public struct GoSort {
    private var p: [Int]
    private let lessFn: (Int, Int) -> Bool

    /// The order `sort.Sort` gives `count` elements compared with `less` (by original index).
    public static func permutation(count: Int, less: @escaping (Int, Int) -> Bool) -> [Int] {
        var s = GoSort(p: Array(0..<count), lessFn: less)
        if count > 1 { s.pdqsort(0, count, limit: bitLength(count)) }
        return s.p
    }

    private static func bitLength(_ n: Int) -> Int { n <= 0 ? 0 : Int.bitWidth - n.leadingZeroBitCount }

    private func less(_ i: Int, _ j: Int) -> Bool { lessFn(p[i], p[j]) }
    private mutating func swap(_ i: Int, _ j: Int) { p.swapAt(i, j) }

    private mutating func insertionSort(_ a: Int, _ b: Int) {
        var i = a + 1
        while i < b {
            var j = i
            while j > a && less(j, j - 1) { swap(j, j - 1); j -= 1 }
            i += 1
        }
    }

    private mutating func siftDown(_ lo: Int, _ hi: Int, _ first: Int) {
        var root = lo
        while true {
            var child = 2 * root + 1
            if child >= hi { return }
            if child + 1 < hi && less(first + child, first + child + 1) { child += 1 }
            if !less(first + root, first + child) { return }
            swap(first + root, first + child)
            root = child
        }
    }

    private mutating func heapSort(_ a: Int, _ b: Int) {
        let hi = b - a
        var i = (hi - 1) / 2
        while i >= 0 { siftDown(i, hi, a); i -= 1 }
        i = hi - 1
        while i >= 0 { swap(a, a + i); siftDown(0, i, a); i -= 1 }
    }

    private enum Hint { case unknown, increasing, decreasing }

    private mutating func pdqsort(_ a0: Int, _ b0: Int, limit l0: Int) {
        var a = a0, b = b0, limit = l0
        var wasBalanced = true, wasPartitioned = true
        while true {
            let length = b - a
            if length <= 12 { insertionSort(a, b); return }
            if limit == 0 { heapSort(a, b); return }
            if !wasBalanced { breakPatterns(a, b); limit -= 1 }
            var (pivot, hint) = choosePivot(a, b)
            if hint == .decreasing {
                reverseRange(a, b)
                pivot = (b - 1) - (pivot - a)
                hint = .increasing
            }
            if wasBalanced && wasPartitioned && hint == .increasing && partialInsertionSort(a, b) { return }
            if a > 0 && !less(a - 1, pivot) {
                a = partitionEqual(a, b, pivot)
                continue
            }
            let (mid, alreadyPartitioned) = partition(a, b, pivot)
            wasPartitioned = alreadyPartitioned
            let leftLen = mid - a, rightLen = b - mid
            let threshold = length / 8
            if leftLen < rightLen {
                wasBalanced = leftLen >= threshold
                pdqsort(a, mid, limit: limit)
                a = mid + 1
            } else {
                wasBalanced = rightLen >= threshold
                pdqsort(mid + 1, b, limit: limit)
                b = mid
            }
        }
    }

    private mutating func partition(_ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
        swap(a, pivot)
        var i = a + 1, j = b - 1
        while i <= j && less(i, a) { i += 1 }
        while i <= j && !less(j, a) { j -= 1 }
        if i > j { swap(j, a); return (j, true) }
        swap(i, j)
        i += 1
        j -= 1
        while true {
            while i <= j && less(i, a) { i += 1 }
            while i <= j && !less(j, a) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        swap(j, a)
        return (j, false)
    }

    private mutating func partitionEqual(_ a: Int, _ b: Int, _ pivot: Int) -> Int {
        swap(a, pivot)
        var i = a + 1, j = b - 1
        while true {
            while i <= j && !less(a, i) { i += 1 }
            while i <= j && less(a, j) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        return i
    }

    private mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
        var i = a + 1
        for _ in 0..<5 {
            while i < b && !less(i, i - 1) { i += 1 }
            if i == b { return true }
            if b - a < 50 { return false }
            swap(i, i - 1)
            if i - a >= 2 {
                var j = i - 1
                while j >= 1 { if !less(j, j - 1) { break }; swap(j, j - 1); j -= 1 }
            }
            if b - i >= 2 {
                var j = i + 1
                while j < b { if !less(j, j - 1) { break }; swap(j, j - 1); j += 1 }
            }
        }
        return false
    }

    private mutating func breakPatterns(_ a: Int, _ b: Int) {
        let length = b - a
        guard length >= 8 else { return }
        var random = UInt64(length)
        let modulus = 1 << GoSort.bitLength(length)
        var idx = a + (length / 4) * 2 - 1
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13
            random ^= random >> 17
            random ^= random << 5
            var other = Int(truncatingIfNeeded: UInt(truncatingIfNeeded: random) & UInt(modulus - 1))
            if other >= length { other -= length }
            swap(idx, a + other)
            idx += 1
        }
    }

    private mutating func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
        let l = b - a
        var swaps = 0
        var i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3
        if l >= 8 {
            if l >= 50 {
                i = median(i - 1, i, i + 1, &swaps)
                j = median(j - 1, j, j + 1, &swaps)
                k = median(k - 1, k, k + 1, &swaps)
            }
            j = median(i, j, k, &swaps)
        }
        switch swaps {
        case 0: return (j, .increasing)
        case 12: return (j, .decreasing)
        default: return (j, .unknown)
        }
    }

    private func order2(_ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
        if less(b, a) { swaps += 1; return (b, a) }
        return (a, b)
    }

    private func median(_ a0: Int, _ b0: Int, _ c0: Int, _ swaps: inout Int) -> Int {
        var (a, b) = order2(a0, b0, &swaps)
        var c = c0
        (b, c) = order2(b, c, &swaps)
        (a, b) = order2(a, b, &swaps)
        _ = (a, c)
        return b
    }

    private mutating func reverseRange(_ a: Int, _ b: Int) {
        var i = a, j = b - 1
        while i < j { swap(i, j); i += 1; j -= 1 }
    }
}
