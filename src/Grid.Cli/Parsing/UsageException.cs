namespace Grid.Cli.Parsing;

/// <summary>
/// A bad command line: a missing or malformed argument, an unknown option. The message names the
/// argument; the app prints it with the command's usage and exits 2.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
