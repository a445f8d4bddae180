namespace DataCustody.Sdk.Log;

/// <summary>The outcome of one successful check by <see cref="CheckpointFollower"/>.</summary>
/// <param name="Previous">The checkpoint trusted before the check; null on the first check.</param>
/// <param name="Current">The checkpoint trusted now, proven to extend <paramref name="Previous"/>.</param>
public sealed record CheckpointAdvance(VerifiedCheckpoint? Previous, VerifiedCheckpoint Current)
{
    /// <summary>Whether <see cref="Current"/> is a checkpoint not trusted before: the first one, or a larger tree.</summary>
    public bool IsNew => Previous is null || Current.Size > Previous.Size;
}
