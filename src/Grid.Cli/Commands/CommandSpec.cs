using Grid.Cli.Parsing;

namespace Grid.Cli.Commands;

/// <summary>
/// What a command is called, what it does and what it accepts: the source of its help text and
/// of the options its command line is parsed against.
/// </summary>
internal sealed record CommandSpec
{
    /// <summary>The command words: "check", or "price mark" for a command of a group.</summary>
    public required string Name { get; init; }

    /// <summary>Other names, e.g. "bp" for "buying-power".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>One line for the command list.</summary>
    public required string Summary { get; init; }

    /// <summary>The synopsis after "grid ": "check &lt;account&gt; ... [--reduce-only]".</summary>
    public required string Usage { get; init; }

    /// <summary>The positional arguments.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    /// <summary>The command's own options (the global ones are added by the app).</summary>
    public IReadOnlyList<OptionSpec> Options { get; init; } = [];

    /// <summary>Further lines of explanation, printed after the summary.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The role the command needs ("engine", "trader", "marketdata" or "admin"): against a grid on this machine
    /// with no key given, the embedded grid's documented development key of that role is sent.
    /// </summary>
    public string Role { get; init; } = "admin";

    /// <summary>Complete command lines a new user can paste.</summary>
    public required IReadOnlyList<string> Examples { get; init; }
}
