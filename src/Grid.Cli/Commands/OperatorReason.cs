using Grid.Cli.Parsing;

namespace Grid.Cli.Commands;

/// <summary>
/// The <c>--reason</c> of operator commands. The Admin service requires one for its audit log, so
/// when none is given the CLI sends <see cref="Default"/>.
/// </summary>
internal static class OperatorReason
{
    /// <summary>Sent when <c>--reason</c> is not given.</summary>
    public const string Default = "via grid cli";

    /// <summary><c>--reason TEXT</c>.</summary>
    public static readonly OptionSpec Option = new("reason", "TEXT", $"why, for the audit log (default: \"{Default}\")");

    /// <summary>The reason given, or the default.</summary>
    public static string Of(Arguments args) =>
        args.Option(Option.Name) is { } reason ? ArgumentValue.Text(reason, "--" + Option.Name) : Default;
}
