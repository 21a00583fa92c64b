using Grid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Journal;

/// <summary>Redis mode's account stores: the journal (<see cref="RedisAccountJournal"/>), or whole records when <see cref="JournalOptions.Enabled"/> is off (<see cref="WholeRecordAfterJournal"/>).</summary>
internal sealed class RedisJournalSource(
    IOptions<JournalOptions> options,
    IOptions<ClusterOptions> cluster,
    SiloJournalWriter writer,
    Serializer serializer,
    [FromKeyedServices(GridStorage.Name)] IGrainStorage wholeRecords,
    ILogger<RedisAccountJournal> logger) : IAccountStoreSource
{
    public IAccountStore Open(GrainId account)
    {
        var keys = JournalKeys.Of(cluster.Value.ServiceId, account);
        return options.Value.Enabled
            ? new RedisAccountJournal(account, keys, writer, serializer, wholeRecords, options.Value.SnapshotEvery, logger)
            : new WholeRecordAfterJournal(wholeRecords, account, keys, writer);
    }
}
