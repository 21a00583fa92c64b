using Grid.Cli.Commands;
using Grid.Cli.Connection;
using Grid.Cli.Parsing;
using Grpc.Core;

namespace Grid.Cli;

/// <summary>
/// The <c>grid</c> app: finds the command, parses its line, runs it, and maps failures to one
/// message and an exit code (<see cref="ExitCode"/>); expected failures never print a stack trace.
/// Output, environment, connection and clock are injected so tests run without a server.
/// </summary>
internal sealed class CliApp(
    TextWriter output,
    TextWriter error,
    Func<string, string?> environment,
    Func<ConnectionSettings, GridConnection> connect,
    TimeProvider clock)
{
    private readonly CommandCatalog _catalog = CommandCatalog.Default;

    /// <summary>Runs <c>grid</c> on the console: Ctrl+C cancels the call (twice ends the process).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            var app = new CliApp(Console.Out, Console.Error, Environment.GetEnvironmentVariable, GridConnection.Open, TimeProvider.System);
            return await app.RunAsync(args, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>Runs one command line and returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation = default)
    {
        var tokens = args.Select(a => a == "-h" ? "--" + GlobalOptions.Help.Name : a).ToList();
        var at = FirstWord(tokens);
        if (at < 0 || tokens[at] == "help")
        {
            return Help(tokens, at);
        }

        var found = _catalog.Find(tokens, at);
        if (found is null)
        {
            return UnknownCommand(tokens, at);
        }

        var (command, words) = found.Value;
        var rest = tokens.Take(at).Concat(tokens.Skip(at + words)).ToList();
        if (rest.TakeWhile(t => t != "--").Contains("--" + GlobalOptions.Help.Name))
        {
            HelpText.WriteCommand(output, command.Spec);
            return ExitCode.Ok;
        }

        try
        {
            var arguments = Arguments.Parse(rest, [.. GlobalOptions.All, .. command.Spec.Options]);
            var settings = GlobalOptions.Resolve(arguments, environment, command.Spec.Role);
            using var invocation = new Invocation(arguments, output, arguments.Has(GlobalOptions.Json.Name), clock, () => connect(settings), cancellation);
            try
            {
                return await command.RunAsync(invocation);
            }
            catch (RpcException failure) when (failure.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
            {
                return Interrupted();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return Interrupted();
            }
            catch (RpcException failure)
            {
                foreach (var line in RpcFailure.Describe(failure, settings.Address))
                {
                    error.WriteLine(line);
                }

                return ExitCode.Failed;
            }
        }
        catch (UsageException bad)
        {
            error.WriteLine($"error: {bad.Message}");
            error.WriteLine(HelpText.UsageLine(command.Spec));
            error.WriteLine($"run `grid {command.Spec.Name} --help` for details and an example");
            return ExitCode.Usage;
        }
    }

    /// <summary>Index of the first command word, skipping leading global options; -1 when there is none.</summary>
    private static int FirstWord(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].StartsWith("--", StringComparison.Ordinal))
            {
                return i;
            }

            if (GlobalOptions.TakesNextToken(tokens[i]))
            {
                i++;
            }
        }

        return -1;
    }

    private int Help(List<string> tokens, int at)
    {
        if (at < 0 && tokens.Count > 0 && !tokens.Contains("--" + GlobalOptions.Help.Name))
        {
            error.WriteLine("error: missing command");
            error.WriteLine("run `grid help` for the list of commands");
            return ExitCode.Usage;
        }

        var words = at < 0 ? [] : tokens.Skip(at + 1).Where(t => !t.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words.Count == 0)
        {
            HelpText.WriteOverview(output, _catalog);
            return ExitCode.Ok;
        }

        if (_catalog.Find(words, 0) is { } found)
        {
            HelpText.WriteCommand(output, found.Command.Spec);
            return ExitCode.Ok;
        }

        if (words.Count == 1 && _catalog.Group(words[0]) is { Count: > 0 } group)
        {
            HelpText.WriteGroup(output, words[0], group);
            return ExitCode.Ok;
        }

        return UnknownCommand(words, 0);
    }

    private int UnknownCommand(List<string> tokens, int at)
    {
        var group = _catalog.Group(tokens[at]);
        if (group.Count > 0)
        {
            var next = at + 1 < tokens.Count ? tokens[at + 1] : null;
            if (next == "--" + GlobalOptions.Help.Name)
            {
                HelpText.WriteGroup(output, tokens[at], group);
                return ExitCode.Ok;
            }

            error.WriteLine(next is null ? $"error: missing {tokens[at]} command" : $"error: unknown {tokens[at]} command '{next}'");
            HelpText.WriteGroup(error, tokens[at], group);
            return ExitCode.Usage;
        }

        error.WriteLine($"error: unknown command '{tokens[at]}'");
        error.WriteLine("run `grid help` for the list of commands");
        return ExitCode.Usage;
    }

    private int Interrupted()
    {
        error.WriteLine("interrupted");
        return ExitCode.Interrupted;
    }
}
