using Grid.Cli.Connection;
using Grid.Cli.Tests.Fakes;

namespace Grid.Cli.Tests;

/// <summary>
/// Runs the CLI in-process against a <see cref="FakeCallInvoker"/>, with a fixed clock and a fake
/// environment, capturing standard output, standard error and the exit code.
/// </summary>
internal sealed class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public FakeCallInvoker Grid { get; } = new();

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The settings the app connected with; null when it never connected.</summary>
    public ConnectionSettings? Settings { get; private set; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellation)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var app = new CliApp(output, error, name => Environment.GetValueOrDefault(name), Connect, new FakeClock(Now));
        var exitCode = await app.RunAsync(args, cancellation);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private GridConnection Connect(ConnectionSettings settings)
    {
        Settings = settings;
        return new GridConnection(Grid, settings);
    }
}
