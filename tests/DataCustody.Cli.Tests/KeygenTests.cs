using System.Text.Json;
using DataCustody.Sdk.Keys;
using DataCustody.Transparency.Codecs;

namespace DataCustody.Cli.Tests;

// The key file's mode is a Unix permission; Windows protects files by ACL instead.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeygenTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task Writes_an_owner_only_key_file_and_prints_the_kid_and_its_public_key()
    {
        var path = _directory.File("shop.key");

        var run = await Custody.RunAsync("keygen", "--kid", "shop-key-1", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        using var printed = JsonDocument.Parse(run.Output);
        Assert.Equal("shop-key-1", printed.RootElement.GetProperty("kid").GetString());
        var publicKey = printed.RootElement.GetProperty("publicKey").GetString()!;
        Assert.True(StrictBase64.TryDecodeUrl(System.Text.Encoding.ASCII.GetBytes(publicKey), out var raw));
        Assert.Equal(32, raw.Length);
        using var stored = ProviderKey.FromPem("shop-key-1", await File.ReadAllTextAsync(path));
        Assert.Equal(publicKey, stored.PublicKeyBase64Url);
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_existing_file_without_force()
    {
        var path = _directory.File("shop.key");
        await File.WriteAllTextAsync(path, "an existing key");

        var run = await Custody.RunAsync("keygen", "--kid", "shop-key-1", "--out", path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal("an existing key", await File.ReadAllTextAsync(path));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Force_replaces_the_file_with_an_owner_only_one()
    {
        var path = _directory.File("shop.key");
        await File.WriteAllTextAsync(path, "an existing key");
        File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await Custody.RunAsync("keygen", "--kid", "shop-key-1", "--out", path, "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        using var stored = ProviderKey.FromPem("shop-key-1", await File.ReadAllTextAsync(path));
        Assert.Contains(stored.PublicKeyBase64Url, run.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public async Task Refuses_a_kid_the_broker_would_not_accept()
    {
        var path = _directory.File("shop.key");

        var run = await Custody.RunAsync("keygen", "--kid", "shop key", "--out", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--kid", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    public void Dispose() => _directory.Dispose();
}
