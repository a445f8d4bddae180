using DataCustody.Transparency.Merkle;

namespace DataCustody.Transparency.Tests;

/// <summary>
/// One tree of <see cref="Size"/> leaves, built once: every complete node of a smaller tree is a
/// node of this one, so proofs for any size up to it can be read from the same source.
/// </summary>
internal static class SharedTree
{
    public const int Size = 4096;

    public static ReferenceTree Reference { get; } = new(Size);

    public static InMemoryNodeSource Nodes { get; } = Build();

    private static InMemoryNodeSource Build()
    {
        var source = new InMemoryNodeSource();
        foreach (var leaf in Reference.LeafHashes)
        {
            source.Append(leaf);
        }
        return source;
    }
}
