using Microsoft.Extensions.Options;

namespace Grid.Grains.House;

/// <summary>Checks <see cref="HouseRiskOptions"/> at start.</summary>
public sealed class HouseRiskOptionsValidator : IValidateOptions<HouseRiskOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HouseRiskOptions options)
    {
        const string S = HouseRiskOptions.Section;
        var errors = new List<string>();
        if (options.StressInterval < TimeSpan.Zero || (options.StressInterval > TimeSpan.Zero && options.StressInterval < TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{S}:StressInterval must be zero (off) or at least 1 second (was {options.StressInterval})");
        }

        if (options.Top is < 2 or > 100)
        {
            errors.Add($"{S}:Top must be in [2, 100]: Cover-2 needs the two largest (was {options.Top})");
        }

        if (options.PartTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:PartTimeout must be at least 1 second (was {options.PartTimeout})");
        }

        if (options.RevisionWait < TimeSpan.Zero)
        {
            errors.Add($"{S}:RevisionWait must not be negative");
        }

        if (options.ReportPageSize is < 1 or > 10_000)
        {
            errors.Add($"{S}:ReportPageSize must be in [1, 10000] (was {options.ReportPageSize})");
        }

        if (options.ReportIdleTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:ReportIdleTimeout must be at least 1 second (was {options.ReportIdleTimeout})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
