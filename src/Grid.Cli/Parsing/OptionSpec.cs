namespace Grid.Cli.Parsing;

/// <summary>
/// An option a command accepts: <c>--name VALUE</c> (or <c>--name=VALUE</c>) when
/// <see cref="ValueName"/> is set, else a flag. Repeatable options collect every value given.
/// </summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Repeatable = false)
{
    /// <summary>True for a flag, which takes no value.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>How help shows it: "--order-id ID" or "--reduce-only".</summary>
    public string Synopsis => IsFlag ? $"--{Name}" : $"--{Name} {ValueName}";
}
