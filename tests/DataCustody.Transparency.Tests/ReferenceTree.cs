using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataCustody.Transparency.Tests;

/// <summary>
/// An independent model of an RFC 6962 tree, written from the RFC's recursive definitions of
/// MTH, PATH and PROOF and the RFC 9162 verification algorithms, sharing no code with the library.
/// One instance serves test classes that xunit runs in parallel, hence the concurrent memo.
/// </summary>
internal sealed class ReferenceTree
{
    private readonly ConcurrentDictionary<(int, int), byte[]> _memo = [];

    public ReferenceTree(int size)
    {
        LeafHashes = Enumerable.Range(0, size).Select(i => LeafHash(BitConverter.GetBytes(i))).ToArray();
    }

    public IReadOnlyList<byte[]> LeafHashes { get; }

    public static byte[] LeafHash(byte[] leaf) => SHA256.HashData([0x00, .. leaf]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[begin:end]), RFC 9162 §2.1.1.</summary>
    public byte[] Root(int begin, int end)
    {
        if (end == begin)
        {
            return SHA256.HashData([]);
        }
        if (end - begin == 1)
        {
            return LeafHashes[begin];
        }
        if (_memo.TryGetValue((begin, end), out var cached))
        {
            return cached;
        }
        var k = LargestPowerOfTwoBelow(end - begin);
        var hash = NodeHash(Root(begin, begin + k), Root(begin + k, end));
        _memo[(begin, end)] = hash;
        return hash;
    }

    /// <summary>PATH(m, D[begin:end]), RFC 9162 §2.1.3.1.</summary>
    public List<byte[]> Path(int m, int begin, int end)
    {
        if (end - begin == 1)
        {
            return [];
        }
        var k = LargestPowerOfTwoBelow(end - begin);
        if (m < k)
        {
            return [.. Path(m, begin, begin + k), Root(begin + k, end)];
        }
        return [.. Path(m - k, begin + k, end), Root(begin, begin + k)];
    }

    /// <summary>PROOF(m, D[0:n]), RFC 9162 §2.1.4.1.</summary>
    public List<byte[]> Proof(int m, int n) => SubProof(m, 0, n, true);

    /// <summary>The RFC 9162 §2.1.3.2 inclusion verification algorithm, literally.</summary>
    public static bool VerifyInclusion(ulong index, ulong size, byte[] leafHash, IReadOnlyList<byte[]> proof, byte[] root)
    {
        if (index >= size)
        {
            return false;
        }
        var (fn, sn) = (index, size - 1);
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>
    /// The RFC 9162 §2.1.4.2 consistency verification algorithm, literally, with the library's
    /// rules for the cases the algorithm leaves out (equal sizes, the empty tree).
    /// </summary>
    public static bool VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, byte[] root1, byte[] root2)
    {
        if (size1 > size2)
        {
            return false;
        }
        if (size1 == 0)
        {
            return proof.Count == 0 && root1.AsSpan().SequenceEqual(SHA256.HashData([])) && root2.Length == 32
                && (size2 > 0 || root2.AsSpan().SequenceEqual(root1));
        }
        if (size1 == size2)
        {
            return proof.Count == 0 && root1.AsSpan().SequenceEqual(root2);
        }
        if (proof.Count == 0)
        {
            return false;
        }
        var path = (size1 & (size1 - 1)) == 0 ? [root1, .. proof] : proof.ToList();
        var (fn, sn) = (size1 - 1, size2 - 1);
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var (fr, sr) = (path[0], path[0]);
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(root1) && sr.AsSpan().SequenceEqual(root2);
    }

    private List<byte[]> SubProof(int m, int begin, int end, bool b)
    {
        var n = end - begin;
        if (m == n)
        {
            return b ? [] : [Root(begin, end)];
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            return [.. SubProof(m, begin, begin + k, b), Root(begin + k, end)];
        }
        return [.. SubProof(m - k, begin + k, end, false), Root(begin, begin + k)];
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }
        return k;
    }
}
