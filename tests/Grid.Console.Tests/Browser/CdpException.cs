namespace Grid.Console.Tests.Browser;

/// <summary>The browser answered a DevTools command with an error, or a script threw.</summary>
public sealed class CdpException(string message) : Exception(message);
