using System.Globalization;

namespace Grid.LoadTest.Chaos;

/// <summary>
/// What <c>--chaos KIND@T</c> asks for: the fault and when, in seconds into the measured phase
/// (kill-silo@10, hang-silo@7.5, restart-redis@10s).
/// </summary>
/// <param name="Kind">The fault.</param>
/// <param name="At">Time into the measured window at which it is injected.</param>
public sealed record ChaosPlan(FaultKind Kind, TimeSpan At)
{
    /// <summary>The fault's name on the command line: kill-silo, hang-silo or restart-redis.</summary>
    public string Name => Kind switch
    {
        FaultKind.KillSilo => "kill-silo",
        FaultKind.HangSilo => "hang-silo",
        _ => "restart-redis",
    };

    /// <summary>Parses <c>KIND@SECONDS</c>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ChaosPlan Parse(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not KIND@SECONDS (kill-silo@10, hang-silo@10 or restart-redis@10)");
        }

        var kind = text[..at] switch
        {
            "kill-silo" => FaultKind.KillSilo,
            "hang-silo" => FaultKind.HangSilo,
            "restart-redis" => FaultKind.RestartRedis,
            var other => throw new FormatException($"'{other}' is not a fault: kill-silo, hang-silo or restart-redis"),
        };
        var seconds = text[(at + 1)..];
        if (!double.TryParse(seconds.EndsWith('s') ? seconds[..^1] : seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !double.IsFinite(s) || s < 0)
        {
            throw new FormatException($"'{seconds}' is not a number of seconds >= 0");
        }

        return new ChaosPlan(kind, TimeSpan.FromSeconds(s));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}@{At.TotalSeconds:0.###}s");
}
