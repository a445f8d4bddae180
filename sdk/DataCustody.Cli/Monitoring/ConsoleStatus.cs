using Spectre.Console;

namespace DataCustody.Cli.Monitoring;

/// <summary>
/// A spinner with a status line on the terminal while the monitor works or waits. When standard
/// error is not a terminal (a service, a pipe, a test) it shows nothing, so logs stay clean.
/// </summary>
internal sealed class ConsoleStatus
{
    private readonly IAnsiConsole? _console;

    private ConsoleStatus(IAnsiConsole? console) => _console = console;

    /// <summary>A status display on <paramref name="error"/> if it is the process's own terminal.</summary>
    public static ConsoleStatus On(TextWriter error)
    {
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        return new ConsoleStatus(terminal
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes })
            : null);
    }

    /// <summary>Runs <paramref name="work"/> while showing <paramref name="text"/>.</summary>
    public Task<T> WhileAsync<T>(string text, Func<Task<T>> work) =>
        _console is null ? work() : _console.Status().StartAsync(Markup.Escape(text), _ => work());

    /// <summary>Runs <paramref name="work"/> while showing <paramref name="text"/>.</summary>
    public Task WhileAsync(string text, Func<Task> work) =>
        _console is null ? work() : _console.Status().StartAsync(Markup.Escape(text), _ => work());
}
