using Microsoft.Extensions.Options;

namespace Grid.Gateway.Audit;

/// <summary>Checks <see cref="AuditOptions"/> at start.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var errors = new List<string>();
        if (options.Capacity is < 1 or > 10_000_000)
        {
            errors.Add($"{AuditOptions.SectionName}:Capacity must be in [1, 10000000] (was {options.Capacity})");
        }

        if (string.IsNullOrWhiteSpace(options.StreamKey))
        {
            errors.Add($"{AuditOptions.SectionName}:StreamKey must be set");
        }

        if (options.MaxStreamLength < 1)
        {
            errors.Add($"{AuditOptions.SectionName}:MaxStreamLength must be at least 1");
        }

        if (options.DefaultPageSize is < 1 or > AuditQueries.MaxPageSize)
        {
            errors.Add($"{AuditOptions.SectionName}:DefaultPageSize must be in [1, {AuditQueries.MaxPageSize}]");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
