namespace Grid.LoadTest.Options;

/// <summary>The command line cannot be understood; the message says why (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
