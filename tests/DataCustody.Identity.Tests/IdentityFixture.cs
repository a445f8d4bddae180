namespace DataCustody.Identity.Tests;

/// <summary>One provider shared by the tests of a class, on a data folder of its own.</summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;

    public IdentityHost Host { get; private set; } = null!;

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync() => Host = await IdentityHost.StartAsync(_dataFolder);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
