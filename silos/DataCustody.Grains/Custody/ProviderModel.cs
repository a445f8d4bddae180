using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>A provider's part of the projections, held in memory by its grain.</summary>
public sealed class ProviderModel
{
    /// <summary>The registration, once registered.</summary>
    public ProviderRow? Registration { get; private set; }

    /// <summary>Statement keys by kid.</summary>
    public Dictionary<string, ProviderKeyRow> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Profile versions, oldest first.</summary>
    public List<ProfileRow> Profiles { get; } = [];

    /// <summary>Terms versions by SHA-256.</summary>
    public Dictionary<string, TermsRow> Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds the model from the stored rows.</summary>
    public static ProviderModel Load(CustodyQueries.ProviderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var model = new ProviderModel { Registration = state.Provider };
        foreach (var key in state.Keys)
        {
            model.Keys[key.Kid] = key;
        }
        model.Profiles.AddRange(state.Profiles);
        foreach (var terms in state.Terms)
        {
            model.Terms[terms.Sha256] = terms;
        }
        return model;
    }

    /// <summary>Applies a change this provider's entries made.</summary>
    public void Apply(ProjectionChange change)
    {
        switch (change)
        {
            case RowAdded { Row: ProviderRow row }:
                Registration = row;
                break;
            case RowAdded { Row: ProviderKeyRow row }:
                Keys[row.Kid] = row;
                break;
            case RowAdded { Row: ProfileRow row }:
                Profiles.Add(row);
                break;
            case RowAdded { Row: TermsRow row }:
                Terms[row.Sha256] = row;
                break;
            case KeyRetired c when Keys.TryGetValue(c.Kid, out var key):
                Keys[c.Kid] = key with { RetiredAtMs = c.RetiredAtMs };
                break;
        }
    }
}
