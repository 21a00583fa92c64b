using System.Runtime.CompilerServices;
using Grid.Abstractions.Accounts;

namespace Grid.Grains.Accounts;

/// <summary>Which registry bucket holds an account: FNV-1a of its id (stable across processes, unlike string.GetHashCode) modulo the bucket count.</summary>
internal static class RegistryBuckets
{
    public static int Of(string accountId, int buckets) => (int)(IdHash.Of(accountId) % (ulong)buckets);

    public static IAccountRegistryBucketGrain Grain(IGrainFactory grains, string accountId, int buckets)
    {
        // One reference per bucket and silo (its grain factory), shared by the silo's accounts: a reference per
        // activation cost 64 B per active account (issue 16). A race makes an equal reference twice, harmlessly.
        var shared = References.GetValue(grains, _ => new IAccountRegistryBucketGrain?[buckets]);
        var b = Of(accountId, buckets);
        return b < shared.Length
            ? shared[b] ??= grains.GetGrain<IAccountRegistryBucketGrain>(b)
            : grains.GetGrain<IAccountRegistryBucketGrain>(b);
    }

    private static readonly ConditionalWeakTable<IGrainFactory, IAccountRegistryBucketGrain?[]> References = new();
}
