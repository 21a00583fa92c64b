using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>Opens <see cref="WholeRecordStore"/>s on the grid's grain storage (the default when the host registers no other source).</summary>
internal sealed class WholeRecordStoreSource([FromKeyedServices(GridStorage.Name)] IGrainStorage storage) : IAccountStoreSource
{
    public IAccountStore Open(GrainId account) => new WholeRecordStore(storage, account);
}
