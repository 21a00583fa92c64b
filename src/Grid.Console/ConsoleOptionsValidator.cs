using Microsoft.Extensions.Options;

namespace Grid.Console;

/// <summary>Checks <see cref="ConsoleOptions"/> at start.</summary>
public sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.AccountsShown is < 1 or > 1_000)
        {
            errors.Add($"{ConsoleOptions.Section}:AccountsShown must be in 1..1000 (was {options.AccountsShown})");
        }

        if (options.MaxAccountsScanned < options.AccountsShown || options.MaxAccountsScanned > 1_000_000)
        {
            errors.Add($"{ConsoleOptions.Section}:MaxAccountsScanned must be in AccountsShown..1000000 (was {options.MaxAccountsScanned})");
        }

        if (options.OverviewCacheTime < TimeSpan.Zero || options.OverviewCacheTime > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{ConsoleOptions.Section}:OverviewCacheTime must be between 0 and 1 minute (was {options.OverviewCacheTime})");
        }

        if (options.RecentEvents is < 0 or > 1_000)
        {
            errors.Add($"{ConsoleOptions.Section}:RecentEvents must be in 0..1000 (was {options.RecentEvents})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
