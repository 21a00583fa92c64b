using Grid.Abstractions.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>Which registry bucket holds an account: FNV-1a of its id (stable across processes, unlike string.GetHashCode) modulo the bucket count.</summary>
internal static class RegistryBuckets
{
    public static int Of(string accountId, int buckets) => (int)(IdHash.Of(accountId) % (ulong)buckets);

    public static IAccountRegistryBucketGrain Grain(IGrainFactory grains, string accountId, int buckets)
        => grains.GetGrain<IAccountRegistryBucketGrain>(Of(accountId, buckets));
}
