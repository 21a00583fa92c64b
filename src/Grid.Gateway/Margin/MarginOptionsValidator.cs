using Microsoft.Extensions.Options;

namespace Grid.Gateway.Margin;

/// <summary>Refuses margin-simulator limits that would let one call exhaust a silo, or refuse every portfolio, at start.</summary>
internal sealed class MarginOptionsValidator : IValidateOptions<MarginOptions>
{
    /// <summary>The largest request any setting allows (64 MiB).</summary>
    public const int MaxRequestBytesLimit = 64 << 20;

    /// <summary>The longest list any setting allows.</summary>
    public const int MaxListLimit = 100_000;

    public ValidateOptionsResult Validate(string? name, MarginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, options.MaxRequestBytes is >= 64 << 10 and <= MaxRequestBytesLimit, nameof(options.MaxRequestBytes), "must be in [64 KiB, 64 MiB]");
        Require(failures, options.MaxPositions is >= 1 and <= MaxListLimit, nameof(options.MaxPositions), "must be in [1, 100000]");
        Require(failures, options.MaxOrders is >= 1 and <= MaxListLimit, nameof(options.MaxOrders), "must be in [1, 100000]");
        Require(failures, options.MaxBalances is >= 1 and <= MaxListLimit, nameof(options.MaxBalances), "must be in [1, 100000]");
        Require(failures, options.MaxInstruments is >= 1 and <= MaxListLimit, nameof(options.MaxInstruments), "must be in [1, 100000]");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool ok, string option, string rule)
    {
        if (!ok)
        {
            failures.Add($"{MarginOptions.SectionName}:{option} {rule}");
        }
    }
}
