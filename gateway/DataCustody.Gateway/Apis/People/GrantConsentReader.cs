using System.Text.Json;
using DataCustody.Grains.Statements;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// Reads a <see cref="GrantConsentBody"/> with the very rules the log applies to a
/// <c>consent.granted</c> statement: the body's members are placed into such a statement (with
/// placeholder ids) and parsed by <see cref="StatementCodec"/>, so errors come back under the body's
/// own paths (<c>holder</c>, <c>terms.categories[0]</c>) and nothing the log would refuse gets through.
/// </summary>
internal static class GrantConsentReader
{
    private const string PlaceholderConsentId = "cst_0000000000000000";
    private const string PlaceholderHandle = "h_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>The holder and terms of <paramref name="body"/>, or the errors by field.</summary>
    public static bool TryRead(JsonElement body, DateTimeOffset now, out string holder, out ConsentTerms? terms, out IReadOnlyList<(string Field, string Reason)> errors)
    {
        holder = "";
        terms = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors = [("$", "must be a JSON object with holder and terms")];
            return false;
        }
        var found = new List<(string, string)>();
        foreach (var member in body.EnumerateObject())
        {
            if (member.Name is not ("holder" or "terms"))
            {
                found.Add((member.Name, "is not a member of the body"));
            }
        }
        if (!body.TryGetProperty("holder", out var holderElement))
        {
            found.Add(("holder", "is required"));
        }
        if (!body.TryGetProperty("terms", out var termsElement))
        {
            found.Add(("terms", "is required"));
        }
        if (found.Count > 0)
        {
            errors = found;
            return false;
        }
        var statement = Wrap(holderElement, termsElement, now);
        var result = StatementCodec.Parse(statement);
        if (!result.IsValid || result.Statement is not ConsentGranted granted)
        {
            errors = [.. result.Errors.Select(e => (e.Field, e.Reason))];
            if (errors.Count == 0)
            {
                errors = [("$", "is not a consent")];
            }
            return false;
        }
        holder = granted.Holder;
        terms = granted.Terms;
        errors = [];
        return true;
    }

    private static byte[] Wrap(JsonElement holder, JsonElement terms, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "validation");
            writer.WriteString("issuedAt", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("type", StatementTypes.ConsentGranted);
            writer.WriteString("consentId", PlaceholderConsentId);
            writer.WritePropertyName("holder");
            holder.WriteTo(writer);
            writer.WriteString("handle", PlaceholderHandle);
            writer.WritePropertyName("terms");
            terms.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
