using System.CommandLine;
using System.Text.Json;
using DataCustody.Cli.Keys;
using DataCustody.Sdk.Keys;

namespace DataCustody.Cli.Commands;

/// <summary><c>custody keygen</c>: creates a provider's Ed25519 statement-signing key.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var kid = new Option<string>("--kid") { Description = "The key id to register the key under (1-64 of A-Z a-z 0-9 . _ : -).", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the private key (PKCS#8 PEM, mode 0600). Default: KID.key." };
        var force = new Option<bool>("--force") { Description = "Replace an existing private key file." };
        var command = new Command("keygen", "Create an Ed25519 signing key; print the kid and public key to register with the broker.") { kid, output, force };
        command.SetAction(parse => Run(parse.GetRequiredValue(kid), parse.GetValue(output), parse.GetValue(force), parse.InvocationConfiguration));
        return command;
    }

    private static int Run(string kid, string? output, bool force, InvocationConfiguration console)
    {
        if (!ProviderKey.IsValidKeyId(kid))
        {
            console.Error.WriteLine($"--kid '{kid}' is not 1 to 64 of A-Z a-z 0-9 . _ : -.");
            return ExitCodes.InvalidInput;
        }
        var path = output ?? $"{kid}.key";
        using var key = ProviderKey.Generate(kid);
        if (!force && File.Exists(path))
        {
            console.Error.WriteLine($"{path} exists; not overwriting a private key. Use --force to replace it.");
            return ExitCodes.Failure;
        }
        try
        {
            PrivateKeyFile.Write(path, key.ToPem(), force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Could not write {path}: {e.Message}");
            return ExitCodes.Failure;
        }
        // stdout carries only the registration, as the members of provider.key.added, for scripts.
        console.Output.WriteLine(JsonSerializer.Serialize(new RegisteredKey(key.KeyId, key.PublicKeyBase64Url), JsonSerializerOptions.Web));
        console.Error.WriteLine($"Wrote the private key to {path} (owner read/write only). Register kid and publicKey with the broker.");
        return ExitCodes.Success;
    }

    private sealed record RegisteredKey(string Kid, string PublicKey);
}
