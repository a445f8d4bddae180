using DataCustody.Grains.Statements;
using DataCustody.Sdk.Keys;
using DataCustody.Transparency.Jws;

namespace DataCustody.Cli.Tests;

public sealed class StatementSignTests : IDisposable
{
    private const string Kid = "mailer-key-1";

    // The provider.profile example of docs/statements.md, formatted as a person would write it.
    private const string Profile = """
        {
          "id": "profile-2026-04",
          "issuedAt": "2026-04-01T09:00:00+09:00",
          "type": "provider.profile",
          "provider": "mailer.example",
          "level": 3,
          "encryptionAtRest": true,
          "encryptionInTransit": true,
          "pseudonymisation": false,
          "accessLogging": true,
          "certifications": [
            { "scheme": "iso27001", "identifier": "IS 123456", "validUntil": "2027-03-31" }
          ],
          "storageJurisdictions": ["JP"],
          "retentionDays": 365,
          "subprocessors": ["cloudhost.example"]
        }

        """;

    private readonly TemporaryDirectory _directory = new();
    private readonly ProviderKey _key = ProviderKey.Generate(Kid);
    private readonly string _keyFile;

    public StatementSignTests()
    {
        _keyFile = _directory.File("mailer.key");
        File.WriteAllText(_keyFile, _key.ToPem());
    }

    [Fact]
    public async Task Prints_a_jws_that_verifies_with_the_public_key_and_carries_the_exact_payload()
    {
        var input = await WriteAsync("profile.json", Profile);

        var run = await Custody.RunAsync("statement", "sign", "--key", _keyFile, "--kid", Kid, "--in", input);

        Assert.Equal(0, run.ExitCode);
        var jws = CompactJws.Parse(run.Output.TrimEnd('\n'));
        Assert.Equal(Kid, jws.KeyId);
        Assert.True(jws.Verify(_key.Key.PublicKey));
        Assert.Equal(await File.ReadAllBytesAsync(input), jws.Payload.ToArray());
        Assert.True(StatementCodec.Parse(jws.Payload.Span).IsValid);
    }

    [Fact]
    public async Task The_key_written_by_keygen_signs()
    {
        var keyFile = _directory.File("new.key");
        var keygen = await Custody.RunAsync("keygen", "--kid", "new-key", "--out", keyFile);
        var input = await WriteAsync("profile.json", Profile);

        var run = await Custody.RunAsync("statement", "sign", "--key", keyFile, "--kid", "new-key", "--in", input);

        Assert.Equal(0, keygen.ExitCode);
        Assert.Equal(0, run.ExitCode);
        using var key = ProviderKey.FromPem("new-key", await File.ReadAllTextAsync(keyFile));
        Assert.True(CompactJws.Parse(run.Output.TrimEnd('\n')).Verify(key.Key.PublicKey));
        Assert.Contains(key.PublicKeyBase64Url, keygen.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"level\": 3", "\"level\": 9", "level")]
    [InlineData("\"storageJurisdictions\": [\"JP\"]", "\"storageJurisdictions\": []", "storageJurisdictions")]
    [InlineData("\"retentionDays\": 365", "\"retentionDays\": 365, \"colour\": \"red\"", "colour")]
    public async Task Refuses_an_invalid_statement_naming_the_field(string valid, string invalid, string field)
    {
        Assert.Contains(valid, Profile, StringComparison.Ordinal);
        var input = await WriteAsync("profile.json", Profile.Replace(valid, invalid, StringComparison.Ordinal));

        var run = await Custody.RunAsync("statement", "sign", "--key", _keyFile, "--kid", Kid, "--in", input);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"invalid statement: {field} ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Refuses_a_statement_type_only_the_broker_signs()
    {
        var brokerMade = StatementCodec.Serialize(new HandleIssued("brk-1", DateTimeOffset.UtcNow, "shop.example", "h_ujzdegxdncf32epf3dhodzdoci"));
        var input = _directory.File("handle.json");
        await File.WriteAllBytesAsync(input, brokerMade);

        var run = await Custody.RunAsync("statement", "sign", "--key", _keyFile, "--kid", Kid, "--in", input);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("invalid statement: type must be a type providers sign", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_key_file_that_is_not_a_private_key()
    {
        var input = await WriteAsync("profile.json", Profile);
        var notAKey = await WriteAsync("not.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        var run = await Custody.RunAsync("statement", "sign", "--key", notAKey, "--kid", Kid, "--in", input);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("not.key", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    public void Dispose()
    {
        _key.Dispose();
        _directory.Dispose();
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = _directory.File(name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
