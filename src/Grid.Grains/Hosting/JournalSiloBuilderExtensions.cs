using Grid.Grains.Journal;
using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Hosting;

/// <summary>Redis mode's account journal (docs/operations.md, "Account journal").</summary>
public static class JournalSiloBuilderExtensions
{
    /// <summary>
    /// Accounts keep their records as journals in <paramref name="redisConnection"/> (options from
    /// <c>Grid:Journal</c>, validated at start), written through one silo writer; with
    /// <see cref="JournalOptions.Enabled"/> off they write whole records through the grid's grain storage.
    /// Call before <see cref="GridSiloBuilderExtensions.AddGridGrains"/>, whose default is whole records.
    /// </summary>
    public static ISiloBuilder AddGridAccountJournal(this ISiloBuilder silo, string redisConnection)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        silo.Services.AddSingleton(sp => new SiloJournalWriter(
            redisConnection, sp.GetRequiredService<IOptions<JournalOptions>>().Value.MaxBatch, sp.GetRequiredService<ILogger<SiloJournalWriter>>()));
        silo.Services.AddSingleton<IAccountStoreSource, RedisJournalSource>();
        return silo;
    }
}
