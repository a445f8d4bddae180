namespace DataCustody.Transparency.Notes;

/// <summary>
/// A note whose signatures by known keys all verified. Only <see cref="Text"/> vouched for by
/// <see cref="Verified"/> may be trusted.
/// </summary>
/// <param name="Text">The note text, ending in a newline.</param>
/// <param name="Verified">The signatures by known keys, each verified.</param>
/// <param name="Unverified">The signatures by unknown keys, kept for passing on.</param>
public sealed record OpenedNote(string Text, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);
