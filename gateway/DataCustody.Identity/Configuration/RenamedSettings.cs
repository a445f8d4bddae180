using Microsoft.Extensions.Configuration;

namespace DataCustody.Identity.Configuration;

/// <summary>
/// Settings that were renamed. Binding skips names it does not know, so a deployment that still set an
/// old name would run on the default without a word; it is refused at start instead, naming the new name.
/// </summary>
internal static class RenamedSettings
{
    private static readonly (string Old, string New)[] Renamed =
    [
        ("SigningKeyRotation", nameof(IdentitySettings.KeyRotation)),
        ("SigningKeyAnnouncement", nameof(IdentitySettings.KeyAnnouncement)),
        ("SigningKeyCheckInterval", nameof(IdentitySettings.KeyCheckInterval)),
    ];

    /// <summary>Throws when <paramref name="section"/> sets a setting under its old name.</summary>
    public static void Refuse(IConfigurationSection section)
    {
        var used = Renamed
            .Where(setting => section[setting.Old] is not null)
            .Select(setting => $"{section.Path}:{setting.Old} is now {section.Path}:{setting.New}")
            .ToList();
        if (used.Count > 0)
        {
            throw new InvalidOperationException($"Settings are set under names that are no longer read: {string.Join("; ", used)}.");
        }
    }
}
