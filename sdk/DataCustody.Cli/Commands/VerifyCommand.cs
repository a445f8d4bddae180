using System.CommandLine;

namespace DataCustody.Cli.Commands;

/// <summary><c>custody verify</c>: the group of offline verification commands.</summary>
internal static class VerifyCommand
{
    public static Command Create() => new("verify", "Verify what the broker handed out, offline, with the log's pinned verifier key.")
    {
        VerifyReceiptCommand.Create(),
        VerifyProofsCommand.Create(),
    };
}
