using System.CommandLine;

namespace DataCustody.Cli.Commands;

/// <summary><c>custody receipt</c>: obtaining receipts for logged statements.</summary>
internal static class ReceiptCommand
{
    public static Command Create() => new("receipt", "Obtain the receipt of a logged statement.")
    {
        ReceiptFetchCommand.Create(),
    };
}
