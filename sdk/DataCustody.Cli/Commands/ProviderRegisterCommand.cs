using System.CommandLine;
using System.Text.Json;
using DataCustody.Cli.Api;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody provider register</c>: signs in as a provider system (client credentials), registers the
/// provider and, with <c>--key</c>, the public half of its statement-signing key.
/// </summary>
internal static class ProviderRegisterCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var clientId = new Option<string>("--client-id") { Description = "The provider system's OAuth client id; the broker registers the provider its token names.", Required = true };
        var clientSecret = new Option<string>("--client-secret") { Description = "The client's secret.", Required = true };
        var name = new Option<string>("--name") { Description = "The provider's legal name (1-200 characters).", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "ISO 3166-1 alpha-2 code of where it is established, such as JP.", Required = true };
        var sector = new Option<string>("--sector") { Description = "Its business sector (1-100 characters).", Required = true };
        var contact = new Option<string>("--contact") { Description = "Its privacy contact (1-200 characters).", Required = true };
        var keyFile = new Option<string?>("--key") { Description = "A private key file written by 'custody keygen'; its public half is registered." };
        var kid = new Option<string?>("--kid") { Description = "The kid to register the key under (with --key)." };
        var command = new Command("register", "Register a provider with the broker, and optionally its statement-signing key.")
        {
            url, clientId, clientSecret, name, jurisdiction, sector, contact, keyFile, kid,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(keyFile) is null) != (result.GetResult(kid) is null))
            {
                result.AddError("--key and --kid go together: give both to register a key, or neither.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(url), parse.GetRequiredValue(clientId), parse.GetRequiredValue(clientSecret),
            new ProviderRegistration(parse.GetRequiredValue(name), parse.GetRequiredValue(jurisdiction), parse.GetRequiredValue(sector), parse.GetRequiredValue(contact)),
            parse.GetValue(keyFile), parse.GetValue(kid), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Uri url, string clientId, string clientSecret, ProviderRegistration registration, string? keyFile, string? kid,
        InvocationConfiguration console, CancellationToken cancellationToken)
    {
        // The key is read before anything is sent, so a wrong file registers nothing.
        ProviderKey? key = null;
        if (keyFile is not null)
        {
            if (!ProviderKey.IsValidKeyId(kid))
            {
                console.Error.WriteLine($"--kid '{kid}' is not 1 to 64 of A-Z a-z 0-9 . _ : -.");
                return ExitCodes.InvalidInput;
            }
            string pem;
            try
            {
                pem = await File.ReadAllTextAsync(keyFile, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine(e.Message);
                return ExitCodes.Failure;
            }
            try
            {
                key = ProviderKey.FromPem(kid!, pem);
            }
            catch (FormatException e)
            {
                console.Error.WriteLine($"{keyFile}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }

        using (key)
        using (var http = BrokerApi.CreateHttp(url))
        {
            try
            {
                var token = await BrokerApi.ClientCredentialsTokenAsync(http, clientId, clientSecret, cancellationToken);
                var api = new BrokerApi(http, token);
                var provider = await api.PostAsync("api/v1/providers", registration, cancellationToken);
                var providerId = provider.GetProperty("providerId").GetString()!;
                console.Error.WriteLine($"Registered provider {providerId} (log entry {provider.GetProperty("registeredIndex")}).");
                JsonElement? registeredKey = null;
                if (key is not null)
                {
                    registeredKey = await api.PostAsync(
                        $"api/v1/providers/{BrokerApi.Segment(providerId)}/keys", ProviderKeyRegistration.For(key, DateTimeOffset.UtcNow), cancellationToken);
                    console.Error.WriteLine($"Registered key {key.KeyId} of {providerId}.");
                }
                // stdout carries what the broker answered, as one JSON line, for scripts.
                console.Output.WriteLine(JsonSerializer.Serialize(new { provider, key = registeredKey }, JsonSerializerOptions.Web));
                return ExitCodes.Success;
            }
            catch (Exception e) when (BrokerFailures.Explain(e, url, console.Error, cancellationToken, out var exitCode))
            {
                return exitCode;
            }
        }
    }
}
