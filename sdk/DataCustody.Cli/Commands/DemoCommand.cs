using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataCustody.Cli.Api;
using DataCustody.Cli.Demo;
using DataCustody.Cli.Progress;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using static DataCustody.Cli.Demo.DemoStory;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody demo</c>: loads the demo story into a running broker with the public demo accounts, so that
/// a newcomer sees a populated system: four providers, alice's consents, collections, transfers, receipts
/// and a revocation.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var secrets = new Option<string>("--client-secrets")
        {
            Description = "The demo provider clients' secrets as id=secret,... (public demo values by default).",
            DefaultValueFactory = _ => DefaultSecrets,
        };
        var username = new Option<string>("--person") { Description = "The demo person who consents.", DefaultValueFactory = _ => "alice" };
        var password = new Option<string>("--password") { Description = "Their password (public demo value by default).", DefaultValueFactory = _ => "alice-demo" };
        var personToken = new Option<string?>("--alice-token") { Description = "An access token of the person, instead of signing in with --person and --password." };
        var command = new Command("demo", "Load the demo story (shop, delivery, cloud, backup and alice) into a running broker.") { url, secrets, username, password, personToken };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(url), parse.GetRequiredValue(secrets), parse.GetRequiredValue(username), parse.GetRequiredValue(password),
            parse.GetValue(personToken), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Uri url, string secretList, string username, string password, string? personToken, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in secretList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                console.Error.WriteLine($"--client-secrets: '{pair}' is not id=secret.");
                return ExitCodes.InvalidInput;
            }
            secrets[parts[0]] = parts[1];
        }
        var missing = Providers.Select(p => p.Id).Where(id => !secrets.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            console.Error.WriteLine($"--client-secrets lacks the secret of {string.Join(", ", missing)}.");
            return ExitCodes.InvalidInput;
        }

        using var http = BrokerApi.CreateHttp(url);
        var providers = new Dictionary<string, DemoProvider>(StringComparer.Ordinal);
        try
        {
            return await WorkProgress.RunAsync(console.Error, async progress =>
            {
                var setUp = progress.Start("providers registered, keys, profiles and terms declared", Providers.Count);
                foreach (var cast in Providers)
                {
                    providers[cast.Id] = await DemoProvider.SetUpAsync(http, cast, secrets[cast.Id], cancellationToken);
                    setUp.Increment();
                }
                setUp.Complete(string.Join(", ", Providers.Select(p => $"{p.Id} (key {providers[p.Id].Key.KeyId})")));
                var (shop, delivery, cloud, backup) = (providers["shop"], providers["delivery"], providers["cloud"], providers["backup"]);

                var story = progress.Start($"{username}'s consents, collections, transfers and revocation", 6);
                personToken ??= await PersonSignIn.AccessTokenAsync(url, username, password, cancellationToken);
                var person = new BrokerApi(http, personToken);
                var expires = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                var order = await person.PostAsync("api/v1/me/consents", new
                {
                    holder = "shop",
                    terms = new
                    {
                        categories = new[] { Name, Address, Payment },
                        purposes = new[] { Service },
                        onwardTransfer = new { allowed = true, recipients = new[] { "delivery", "cloud" }, termsSha256 = Array.Empty<string>() },
                        retentionDays = 365,
                        expiresAt = expires,
                    },
                }, cancellationToken);
                var marketing = await person.PostAsync("api/v1/me/consents", new
                {
                    holder = "shop",
                    terms = new
                    {
                        categories = new[] { Email },
                        purposes = new[] { Marketing },
                        onwardTransfer = new { allowed = false, recipients = Array.Empty<string>(), termsSha256 = Array.Empty<string>() },
                        retentionDays = 365,
                        expiresAt = expires,
                    },
                }, cancellationToken);
                var orderConsent = order.GetProperty("consentId").GetString()!;
                var marketingConsent = marketing.GetProperty("consentId").GetString()!;
                var shopHandle = order.GetProperty("handle").GetString()!;
                story.Increment();

                var collected = await shop.SubmitAsync(cancellationToken,
                    Collected(shop, shopHandle, [Name, Address, Payment], [Service], orderConsent),
                    Collected(shop, shopHandle, [Email], [Marketing], marketingConsent));
                story.Increment();

                var toDelivery = DemoProvider.NewId("transfer");
                var toCloud = DemoProvider.NewId("transfer");
                var transfers = await shop.SubmitAsync(cancellationToken,
                    Transferred(shop, toDelivery, shopHandle, "delivery", [Name, Address], orderConsent),
                    Transferred(shop, toCloud, shopHandle, "cloud", [Name, Address, Payment], orderConsent));
                var deliveryHandle = transfers[0].GetProperty("recipientHandle").GetString()!;
                var cloudHandle = transfers[1].GetProperty("recipientHandle").GetString()!;
                story.Increment();

                var received = new List<JsonElement>();
                received.AddRange(await delivery.SubmitAsync(cancellationToken, Received(delivery, deliveryHandle, "shop", toDelivery, [Name, Address])));
                received.AddRange(await cloud.SubmitAsync(cancellationToken, Received(cloud, cloudHandle, "shop", toCloud, [Name, Address, Payment])));
                story.Increment();

                var toBackup = DemoProvider.NewId("transfer");
                var backedUp = await cloud.SubmitAsync(cancellationToken, Transferred(cloud, toBackup, cloudHandle, "backup", [Name, Address, Payment], orderConsent));
                var backupHandle = backedUp[0].GetProperty("recipientHandle").GetString()!;
                received.AddRange(await backup.SubmitAsync(cancellationToken, Received(backup, backupHandle, "cloud", toBackup, [Name, Address, Payment])));
                story.Increment();

                var revoked = await person.PostAsync($"api/v1/me/consents/{BrokerApi.Segment(marketingConsent)}/revoke", null, cancellationToken);
                story.Complete();

                var output = console.Output;
                output.WriteLine("Demo story loaded:");
                foreach (var p in Providers)
                {
                    output.WriteLine($"  provider {p.Id,-9} {p.Name}: {(providers[p.Id].NewlyRegistered ? "registered" : "already registered")}, key {providers[p.Id].Key.KeyId}, profile level {p.Level}, terms {providers[p.Id].TermsSha256[..12]}...");
                }
                output.WriteLine($"  {username} consented: {orderConsent} (shop: {Name}, {Address}, {Payment} for {Service}; onward to delivery, cloud)");
                output.WriteLine($"  {username} consented: {marketingConsent} (shop: {Email} for {Marketing})");
                output.WriteLine($"  shop collected: entries {Entries(collected)}");
                output.WriteLine($"  shop transferred to delivery and cloud: entries {Entries(transfers)}; cloud to backup: entry {Entries(backedUp)}");
                output.WriteLine($"  recipients confirmed: entries {Entries(received)}");
                output.WriteLine($"  {username} revoked {marketingConsent} ({revoked.GetProperty("status").GetString()}): shop now has a deletion obligation");
                foreach (var violation in providers.Values.SelectMany(p => p.Violations))
                {
                    output.WriteLine($"  the broker noted a rule broken (logged all the same): {violation}");
                }
                output.WriteLine($"See it as {username} does: open {url} in a browser and sign in.");
                output.WriteLine($"Look around: {url}docs, or 'custody audit --url {url} --token <auditor token> --key <log key>'.");
                return ExitCodes.Success;
            });
        }
        catch (Exception e) when (BrokerFailures.Explain(e, url, console.Error, cancellationToken, out var exitCode))
        {
            return exitCode;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            console.Error.WriteLine($"The broker's answer is not what the demo expects: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            foreach (var provider in providers.Values)
            {
                provider.Dispose();
            }
        }
    }

    private static DataCollected Collected(DemoProvider provider, string handle, string[] categories, string[] purposes, string consentId) =>
        new(DemoProvider.NewId("collect"), DateTimeOffset.UtcNow, provider.Id, handle, [.. categories], [.. purposes], LegalBasis.Consent, consentId);

    private static DataTransferred Transferred(DemoProvider provider, string id, string handle, string recipient, string[] categories, string consentId) =>
        new(id, DateTimeOffset.UtcNow, provider.Id, handle, recipient, [.. categories], [Service], LegalBasis.Consent, consentId, provider.TermsSha256);

    private static DataReceived Received(DemoProvider provider, string handle, string sender, string transferId, string[] categories) =>
        new(DemoProvider.NewId("receive"), DateTimeOffset.UtcNow, provider.Id, handle, sender, transferId, [.. categories],
            $"Received from {sender}, which collected it from the customer with consent.");

    private static string Entries(IEnumerable<JsonElement> results) =>
        string.Join(", ", results.Select(r => r.TryGetProperty("entryIndex", out var i) ? i.ToString() : "?"));
}
