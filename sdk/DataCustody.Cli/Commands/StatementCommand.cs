using System.CommandLine;

namespace DataCustody.Cli.Commands;

/// <summary><c>custody statement</c>: the group of statement commands.</summary>
internal static class StatementCommand
{
    public static Command Create() => new("statement", "Work with provider statements (docs/statements.md).")
    {
        StatementSignCommand.Create(),
    };
}
