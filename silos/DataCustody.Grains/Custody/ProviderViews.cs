using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>Provider rows as the API shows them.</summary>
internal static class ProviderViews
{
    public static ProviderRecord From(ProviderRow row) =>
        new(row.ProviderId, new ProviderRegistration(row.Name, row.Jurisdiction, row.Sector, row.Contact), row.RegisteredIndex);
}
