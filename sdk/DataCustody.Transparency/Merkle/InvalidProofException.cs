namespace DataCustody.Transparency.Merkle;

/// <summary>A Merkle proof, or the sizes, index or hashes it was checked against, did not verify.</summary>
public sealed class InvalidProofException : Exception
{
    /// <summary>Creates the exception with a message that says what failed.</summary>
    public InvalidProofException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public InvalidProofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without detail; prefer the constructor with a message.</summary>
    public InvalidProofException()
    {
    }
}
