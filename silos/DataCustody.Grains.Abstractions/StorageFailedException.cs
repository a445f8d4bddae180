namespace DataCustody.Grains;

/// <summary>
/// A grain's call to its storage failed. The storage's own exception does not cross Orleans (its type has no
/// codec, so callers would get a CodecNotFoundException instead), so this one carries its message, and the silo
/// logs the original with its stack. Every grain call answers so, whichever grain and query failed.
/// </summary>
[GenerateSerializer, Alias("DataCustody.StorageFailedException")]
public sealed class StorageFailedException : Exception
{
    /// <summary>Creates the exception for a call that failed with <paramref name="storageError"/>.</summary>
    public StorageFailedException(string storageError, bool isTransient)
        : base(isTransient
            ? $"The storage is unavailable for now; the same call can succeed later: {storageError}"
            : $"The storage failed the call: {storageError}") =>
        IsTransient = isTransient;

    /// <summary>
    /// Whether the storage said the failure may pass (a lost connection, a timeout, a busy database), and the same
    /// call may succeed if made again later.
    /// </summary>
    [Id(0)]
    public bool IsTransient { get; private set; }
}
