using Microsoft.Extensions.Options;

namespace Grid.Grains.Accounts;

/// <summary>Checks <see cref="AccountRegistryOptions"/> at start.</summary>
public sealed class AccountRegistryOptionsValidator : IValidateOptions<AccountRegistryOptions>
{
    /// <summary>Most buckets: every listing and every silo failure calls each of them.</summary>
    public const int MaxBuckets = 65_536;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AccountRegistryOptions options)
        => options.Buckets is < 1 or > MaxBuckets
            ? ValidateOptionsResult.Fail($"{AccountRegistryOptions.Section}:Buckets must be in [1, {MaxBuckets}] (was {options.Buckets})")
            : ValidateOptionsResult.Success;
}
