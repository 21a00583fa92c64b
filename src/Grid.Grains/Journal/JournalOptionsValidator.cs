using Microsoft.Extensions.Options;

namespace Grid.Grains.Journal;

/// <summary>Refuses a journal that would never snapshot or never batch.</summary>
public sealed class JournalOptionsValidator : IValidateOptions<JournalOptions>
{
    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SnapshotEvery is < 1 or > 1_000_000)
        {
            failures.Add($"Grid:Journal:SnapshotEvery must be 1 to 1,000,000 entries (activation replays up to that many), not {options.SnapshotEvery}");
        }

        if (options.MaxBatch is < 1 or > 10_000)
        {
            failures.Add($"Grid:Journal:MaxBatch must be 1 to 10,000 account writes per round trip, not {options.MaxBatch}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
