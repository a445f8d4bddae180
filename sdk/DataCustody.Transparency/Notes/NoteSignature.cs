namespace DataCustody.Transparency.Notes;

/// <summary>One signature line of a note: the key name, key ID and the base64 of key ID and signature.</summary>
public sealed record NoteSignature(string Name, uint KeyId, string Base64);
