using Spectre.Console;

namespace DataCustody.Cli.Progress;

/// <summary>
/// Progress bars for long work on the terminal (Spectre.Console). When standard error is not the
/// process's terminal (a pipe, a service, a test) each step prints one plain line when it ends instead.
/// </summary>
internal sealed class WorkProgress
{
    private readonly ProgressContext? _context;
    private readonly TextWriter _error;

    private WorkProgress(ProgressContext? context, TextWriter error)
    {
        _context = context;
        _error = error;
    }

    /// <summary>Runs <paramref name="work"/>, showing its steps on <paramref name="error"/>.</summary>
    public static Task<T> RunAsync<T>(TextWriter error, Func<WorkProgress, Task<T>> work)
    {
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal)
        {
            return work(new WorkProgress(null, error));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new WorkProgress(context, error)));
    }

    /// <summary>Starts a step of <paramref name="total"/> units.</summary>
    public Step Start(string description, double total) =>
        new(_context?.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1)), description, _error);

    /// <summary>Writes a line above the bars (or plainly).</summary>
    public void WriteLine(string text)
    {
        if (_context is null)
        {
            _error.WriteLine(text);
        }
        else
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_error) }).WriteLine(text);
        }
    }

    /// <summary>One step: a bar on the terminal, a line when it completes otherwise.</summary>
    internal sealed class Step(ProgressTask? task, string description, TextWriter error)
    {
        private double _done;

        public void Increment(double units = 1)
        {
            _done += units;
            task?.Increment(units);
        }

        public void Complete(string? summary = null)
        {
            if (task is not null)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
            else
            {
                error.WriteLine(summary is null ? $"{description}: done" : $"{description}: {summary}");
            }
        }
    }
}
