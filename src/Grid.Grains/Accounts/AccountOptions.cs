using Microsoft.Extensions.Options;

namespace Grid.Grains.Accounts;

/// <summary>How account grains behave (configuration section "Grid:Accounts").</summary>
public sealed class AccountOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Grid:Accounts";

    /// <summary>
    /// Recent checks, trades and balance requests remembered per account for idempotent retries. A
    /// reconnecting engine resends only what had no reply, and an account has at most one batch in
    /// flight (Grid:Gateway:MaxBatchPerAccount, 64), so twice that is ample.
    /// </summary>
    public int IdempotencyWindow { get; set; } = 128;

    /// <summary>A group whose newest price is older than this rejects risk-increasing orders; zero disables.</summary>
    public TimeSpan MaxPriceAge { get; set; } = TimeSpan.Zero;

    /// <summary>Most resting orders per account.</summary>
    public int MaxOpenOrders { get; set; } = 1_000;

    /// <summary>
    /// New orders and amendments one account may send per second (a token bucket holding one second's
    /// worth); the excess is refused with OVERLOADED and a retry-after, never queued. Reduce-only
    /// orders are exempt. Zero disables the limit.
    /// </summary>
    public int MaxOrdersPerSecond { get; set; } = 1_000;

    /// <summary>Shortest interval between two summary reports to the registry when the state has not changed.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// An account grain nobody called for this long is deactivated (Orleans' collection age for the
    /// account grain; zero keeps Orleans' default of 2 hours). Its record is in storage and the silo's margin
    /// monitor keeps its replica: a price move still re-margins it and announces its state changes, and one
    /// entering liquidation is woken to pull its orders. Resident, such an account costs its replica and
    /// registry entry, not its activation (docs/performance.md, table (f)). Watched accounts stay active
    /// (a watch is renewed every 30 s).
    /// </summary>
    public TimeSpan IdleDeactivation { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Checks <see cref="AccountOptions"/> at start.</summary>
public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var errors = new List<string>();
        if (options.IdempotencyWindow is < 1 or > 100_000)
        {
            errors.Add($"{AccountOptions.Section}:IdempotencyWindow must be in [1, 100000] (was {options.IdempotencyWindow})");
        }

        if (options.MaxPriceAge < TimeSpan.Zero)
        {
            errors.Add($"{AccountOptions.Section}:MaxPriceAge must not be negative");
        }

        if (options.MaxOpenOrders < 1)
        {
            errors.Add($"{AccountOptions.Section}:MaxOpenOrders must be at least 1");
        }

        if (options.MaxOrdersPerSecond < 0)
        {
            errors.Add($"{AccountOptions.Section}:MaxOrdersPerSecond must not be negative (0 disables the limit)");
        }

        if (options.SummaryInterval < TimeSpan.Zero)
        {
            errors.Add($"{AccountOptions.Section}:SummaryInterval must not be negative");
        }

        if (options.IdleDeactivation != TimeSpan.Zero && options.IdleDeactivation <= TimeSpan.FromMinutes(1))
        {
            // Orleans refuses a collection age not above its collection quantum (1 minute by default).
            errors.Add($"{AccountOptions.Section}:IdleDeactivation must be zero (Orleans' default) or more than 1 minute, Orleans' collection quantum (was {options.IdleDeactivation})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
