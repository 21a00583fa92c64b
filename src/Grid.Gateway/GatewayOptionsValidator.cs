using Microsoft.Extensions.Options;

namespace Grid.Gateway;

/// <summary>Refuses gateway options that would break the contract or the memory bound of a stream, at start.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <summary>The contract's cap on WhatIf orders.</summary>
    public const int WhatIfContractLimit = 100;

    /// <summary>The largest page any list RPC serves.</summary>
    public const int PageSizeLimit = 5000;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, options.MaxInFlightPerStream is >= 1 and <= 1 << 20, nameof(options.MaxInFlightPerStream), "must be in [1, 1048576]");
        Require(failures, options.MaxBatchPerAccount is >= 1 and <= 4096, nameof(options.MaxBatchPerAccount), "must be in [1, 4096]");
        Require(failures, options.MaxMessageBytes is >= 1024 and <= 16 << 20, nameof(options.MaxMessageBytes), "must be in [1 KiB, 16 MiB]");
        Require(failures, options.MaxWhatIfOrders is >= 1 and <= WhatIfContractLimit, nameof(options.MaxWhatIfOrders), "must be in [1, 100]");
        Require(failures, options.DefaultPageSize is >= 1 and <= PageSizeLimit, nameof(options.DefaultPageSize), "must be in [1, 5000]");
        Require(failures, options.MaxPriceBatchesInFlight is >= 1 and <= 4096, nameof(options.MaxPriceBatchesInFlight), "must be in [1, 4096]");
        Require(failures, options.RiskEventBacklog is >= 1 and <= 1 << 24, nameof(options.RiskEventBacklog), "must be in [1, 16777216]");
        Require(failures, options.MaxClockSkew >= TimeSpan.Zero && options.MaxClockSkew <= TimeSpan.FromHours(1), nameof(options.MaxClockSkew), "must be in [0, 01:00:00]");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool ok, string option, string rule)
    {
        if (!ok)
        {
            failures.Add($"{GatewayOptions.SectionName}:{option} {rule}");
        }
    }
}
