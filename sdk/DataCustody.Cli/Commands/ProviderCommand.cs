using System.CommandLine;

namespace DataCustody.Cli.Commands;

/// <summary><c>custody provider</c>: the group of provider commands.</summary>
internal static class ProviderCommand
{
    public static Command Create() => new("provider", "Work with a provider's registration at the broker.")
    {
        ProviderRegisterCommand.Create(),
    };
}
