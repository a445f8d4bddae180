namespace DataCustody.Sdk.Proofs;

/// <summary>A proof bundle is malformed or does not verify.</summary>
public sealed class ProofBundleException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public ProofBundleException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ProofBundleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ProofBundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one entry.</summary>
    public ProofBundleException(long entryIndex, string message, Exception? innerException = null)
        : base($"Entry {entryIndex}: {message}", innerException)
    {
        EntryIndex = entryIndex;
    }

    /// <summary>The entry that failed, if the failure is about one.</summary>
    public long? EntryIndex { get; }
}
