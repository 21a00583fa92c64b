namespace Grid.Cli.Tests;

/// <summary>What one CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first line of standard error.</summary>
    public string FirstErrorLine => Error.Split('\n')[0];
}
