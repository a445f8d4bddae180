using System.CommandLine;
using DataCustody.Cli.Commands;

namespace DataCustody.Cli;

/// <summary>The root of the <c>custody</c> command line; tests invoke it in-process.</summary>
public static class CustodyCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Create() => new("custody: keys, statements, registration, verification, audit and log monitoring for DataCustody.")
    {
        KeygenCommand.Create(),
        StatementCommand.Create(),
        MonitorCommand.Create(),
        ProviderCommand.Create(),
        ReceiptCommand.Create(),
        VerifyCommand.Create(),
        AuditCommand.Create(),
        DemoCommand.Create(),
    };
}
