using Microsoft.Extensions.Options;

namespace Grid.Grains.Accounts;

/// <summary>Checks <see cref="AccountRegistryOptions"/> at start.</summary>
public sealed class AccountRegistryOptionsValidator : IValidateOptions<AccountRegistryOptions>
{
    /// <summary>Most buckets: every listing and every silo failure calls each of them.</summary>
    public const int MaxBuckets = 65_536;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AccountRegistryOptions options)
    {
        var errors = new List<string>();
        if (options.Buckets is < 1 or > MaxBuckets)
        {
            errors.Add($"{AccountRegistryOptions.Section}:Buckets must be in [1, {MaxBuckets}] (was {options.Buckets})");
        }

        if (options.ClaimJournal is < 1 or > 10_000)
        {
            errors.Add($"{AccountRegistryOptions.Section}:ClaimJournal must be in [1, 10000] (was {options.ClaimJournal})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
