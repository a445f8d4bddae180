namespace DataCustody.Transparency.Merkle;

/// <summary>A Merkle proof, or the sizes, index or hashes it was checked against, did not verify.</summary>
public sealed class InvalidProofException : Exception
{
    /// <summary>Creates the exception with a message that says what failed.</summary>
    public InvalidProofException(string message)
        : base(message)
    {
    }
}
