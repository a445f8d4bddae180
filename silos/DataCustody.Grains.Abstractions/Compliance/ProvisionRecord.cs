using DataCustody.Grains.Custody;

namespace DataCustody.Grains.Compliance;

/// <summary>
/// One APPI article 29 record (第三者提供に係る記録): personal data a provider gave a third party,
/// as the provider reported it.
/// </summary>
/// <param name="ProvidedAt">When the broker recorded the transfer.</param>
/// <param name="EntryIndex">The log entry of the transfer statement.</param>
/// <param name="HopId">The hop.</param>
/// <param name="TransferId">The provider's statement id of the transfer.</param>
/// <param name="Recipient">The recipient: name, jurisdiction and contact as registered.</param>
/// <param name="Handle">The provider's handle of the person.</param>
/// <param name="Categories">The data items (categories) provided.</param>
/// <param name="Purposes">The purposes named.</param>
/// <param name="LegalBasis">The legal basis the provider named (wire name, e.g. <c>consent</c>).</param>
/// <param name="ConsentId">The person's consent it relied on, if it named one.</param>
/// <param name="RecipientConfirmed">Whether the recipient reported receiving it.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.ProvisionRecord")]
public sealed record ProvisionRecord(
    [property: Id(0)] DateTimeOffset ProvidedAt,
    [property: Id(1)] long EntryIndex,
    [property: Id(2)] long HopId,
    [property: Id(3)] string TransferId,
    [property: Id(4)] ProviderRecord Recipient,
    [property: Id(5)] string Handle,
    [property: Id(6)] IReadOnlyList<string> Categories,
    [property: Id(7)] IReadOnlyList<string> Purposes,
    [property: Id(8)] string LegalBasis,
    [property: Id(9)] string? ConsentId,
    [property: Id(10)] bool RecipientConfirmed);
