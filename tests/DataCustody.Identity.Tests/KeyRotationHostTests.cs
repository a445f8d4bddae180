using System.Net;
using DataCustody.Identity.Storage;
using DataCustody.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>A running provider rotating its keys, on a clock the test moves by minutes.</summary>
public sealed class KeyRotationHostTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;

    // Minutes, not days: tokens carry the moved clock's time, and validation allows five minutes of skew.
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Identity:KeyRotation"] = "00:03:00",
        ["Identity:KeyAnnouncement"] = "00:01:00",
        ["Identity:KeyCheckInterval"] = "00:00:30",
    };

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    [Fact]
    public async Task The_provider_publishes_the_next_key_then_signs_with_it_and_tokens_of_the_old_keys_stay_valid()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await IdentityHost.StartAsync(_dataFolder, settings: _settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var keyring = host.Services.GetRequiredService<IdentityKeyring>();
        var before = await DemoTokens.ForClientAsync(host.BaseAddress, "cloud");
        var person = await DemoTokens.ForPersonAsync(host.BaseAddress, "regina");
        var original = SigningKeyIds.Of(before);
        Assert.Equal([original], await SigningKeyIds.PublishedAsync(host.BaseAddress));

        // Announced: published beside the original, which still signs.
        clock.Advance(TimeSpan.FromMinutes(2));
        await keyring.RefreshAsync(CancellationToken.None);
        var published = await SigningKeyIds.PublishedAsync(host.BaseAddress);
        Assert.Equal(2, published.Count);
        Assert.Equal(original, published[0]);
        Assert.Equal(original, SigningKeyIds.Of(await DemoTokens.ForClientAsync(host.BaseAddress, "cloud")));

        // Rotated: the new key signs, and the original stays published for the tokens it signed.
        clock.Advance(TimeSpan.FromMinutes(1));
        await keyring.RefreshAsync(CancellationToken.None);
        var after = await DemoTokens.ForClientAsync(host.BaseAddress, "cloud");
        Assert.Equal(published[1], SigningKeyIds.Of(after));
        Assert.Equal([published[1], original], await SigningKeyIds.PublishedAsync(host.BaseAddress));
        foreach (var token in new[] { before, after })
        {
            using var client = DemoTokens.WithBearer(host.BaseAddress, token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(IdentityHost.ProviderProbe)).StatusCode);
        }

        // A refresh token made before the rotation (encrypted and signed with the old keys) is still redeemed.
        using var browser = new AuthorizationCodeClient(host.BaseAddress);
        using var refreshed = await browser.RefreshAsync(DemoTokens.CliClientId, person.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(published[1], SigningKeyIds.Of((await AuthorizationCodeClient.ReadTokensAsync(refreshed)).AccessToken));
    }

    [Fact]
    public async Task A_rotation_shorter_than_its_announcement_is_refused_at_start()
    {
        _settings["Identity:KeyAnnouncement"] = "00:05:00";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(_dataFolder, settings: _settings));

        Assert.Contains("Identity:KeyRotation must be longer than Identity:KeyAnnouncement", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_setting_under_its_old_name_is_refused_at_start()
    {
        _settings["Identity:SigningKeyRotation"] = "30.00:00:00";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync(_dataFolder, settings: _settings));

        Assert.Contains("Identity:SigningKeyRotation is now Identity:KeyRotation", refused.Message, StringComparison.Ordinal);
    }
}
