using Microsoft.Extensions.Options;

namespace Grid.Gateway.Security;

/// <summary>Checks <see cref="SecurityOptions"/> at start: well-formed hashes, known roles, unique ids.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"{SecurityOptions.SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Id) || !ids.Add(key.Id))
            {
                errors.Add($"{at}:Id must be present and unique");
            }

            if (key.Sha256.Length != 64 || !key.Sha256.All(Uri.IsHexDigit))
            {
                errors.Add($"{at}:Sha256 must be the 64 hex characters of the key's SHA-256");
            }

            if (!Enum.IsDefined(key.Role))
            {
                errors.Add($"{at}:Role must be Engine, Trader, MarketData or Admin");
            }

            if (key.Role is GatewayRole.Engine or GatewayRole.Trader && key.Accounts.Count == 0)
            {
                errors.Add($"{at}:Accounts must list the accounts (or prefixes ending in '*') an {key.Role} key may act on");
            }
        }

        if (options.Enabled && options.Keys.Count == 0)
        {
            errors.Add($"{SecurityOptions.SectionName}:Keys is empty while authentication is enabled: nobody could call the grid");
        }

        if (options.MaxStreamsPerCaller < 1)
        {
            errors.Add($"{SecurityOptions.SectionName}:MaxStreamsPerCaller must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
