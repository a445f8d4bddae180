using System.CommandLine;
using DataCustody.Grains.Statements;
using DataCustody.Sdk.Keys;
using DataCustody.Transparency.Jws;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody statement sign</c>: validates a statement payload and prints it as a compact JWS
/// signed with the provider's key. The payload bytes are signed as read, never re-serialized.
/// </summary>
internal static class StatementSignCommand
{
    public static Command Create()
    {
        var keyFile = new Option<string>("--key") { Description = "The private key file written by 'custody keygen'.", Required = true };
        var kid = new Option<string>("--kid") { Description = "The kid the key is registered under.", Required = true };
        var input = new Option<string>("--in") { Description = "The statement JSON file, or - for standard input.", DefaultValueFactory = _ => "-" };
        var command = new Command("sign", "Validate a statement JSON payload and print it signed as a compact JWS (EdDSA).") { keyFile, kid, input };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(keyFile), parse.GetRequiredValue(kid), parse.GetRequiredValue(input), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string keyFile, string kid, string input, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!ProviderKey.IsValidKeyId(kid))
        {
            console.Error.WriteLine($"--kid '{kid}' is not 1 to 64 of A-Z a-z 0-9 . _ : -.");
            return ExitCodes.InvalidInput;
        }
        string pem;
        byte[] payload;
        try
        {
            pem = await File.ReadAllTextAsync(keyFile, cancellationToken);
            payload = await ReadPayloadAsync(input, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }

        if (payload.Length > CompactJws.DefaultMaxPayloadBytes)
        {
            console.Error.WriteLine($"invalid statement: $ must be at most {CompactJws.DefaultMaxPayloadBytes} bytes, the most the broker accepts");
            return ExitCodes.InvalidInput;
        }
        var errors = Validate(payload);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                console.Error.WriteLine($"invalid statement: {error.Field} {error.Reason}");
            }
            return ExitCodes.InvalidInput;
        }

        ProviderKey key;
        try
        {
            key = ProviderKey.FromPem(kid, pem);
        }
        catch (FormatException e)
        {
            console.Error.WriteLine($"{keyFile}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        using (key)
        {
            console.Output.WriteLine(CompactJws.Sign(key.Key, key.KeyId, payload));
        }
        return ExitCodes.Success;
    }

    private static IReadOnlyList<StatementError> Validate(byte[] payload)
    {
        var parsed = StatementCodec.Parse(payload);
        if (!parsed.IsValid)
        {
            return parsed.Errors;
        }
        // Broker-made types are valid payloads, but the broker would refuse them from a provider.
        return StatementCodec.IsProviderType(parsed.Statement.Type)
            ? []
            : [new StatementError("type", $"must be a type providers sign ({string.Join(", ", StatementTypes.ProviderTypes)}), not '{parsed.Statement.Type}'")];
    }

    private static async Task<byte[]> ReadPayloadAsync(string input, CancellationToken cancellationToken)
    {
        if (input != "-")
        {
            return await File.ReadAllBytesAsync(input, cancellationToken);
        }
        await using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        await stdin.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
