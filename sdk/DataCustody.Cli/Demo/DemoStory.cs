namespace DataCustody.Cli.Demo;

/// <summary>The demo story's cast and what they declare.</summary>
internal static class DemoStory
{
    public const string Name = "user.name";
    public const string Address = "user.contact.address";
    public const string Payment = "user.financial";
    public const string Email = "user.contact.email";
    public const string Service = "essential.service";
    public const string Marketing = "marketing.communications.email";

    /// <summary>A provider of the story.</summary>
    public sealed record Provider(string Id, string Name, string Sector, string Jurisdiction, string StorageJurisdiction, int Level, int DeletionDays, bool OnwardTransferAllowed, string[] Subprocessors);

    public static IReadOnlyList<Provider> Providers { get; } =
    [
        new("shop", "Shop Example K.K. (online shop)", "Retail", "JP", "JP", 2, 30, true, ["delivery", "cloud"]),
        new("delivery", "Delivery Example K.K. (delivery company)", "Logistics", "JP", "JP", 2, 14, false, []),
        new("cloud", "Cloud Example K.K. (cloud host)", "Information technology", "JP", "JP", 3, 30, true, ["backup"]),
        new("backup", "Backup Example Ltd. (overseas data centre)", "Information technology", "SG", "SG", 3, 30, false, []),
    ];

    /// <summary>The demo clients' public secrets, as identity.demo.json and the README give them.</summary>
    public const string DefaultSecrets = "shop=shop-demo-secret,delivery=delivery-demo-secret,cloud=cloud-demo-secret,backup=backup-demo-secret";
}
