namespace Grid.Cli.Commands;

/// <summary>A positional argument as help describes it: "&lt;qty&gt;" and what it means.</summary>
internal sealed record ParameterSpec(string Name, string Description);
