namespace Grid.Grains.Storage;

/// <summary>Opens the store of one account (a silo singleton; the host chooses whole records or the Redis journal).</summary>
public interface IAccountStoreSource
{
    /// <summary>The store of the account grain <paramref name="account"/>, not yet read.</summary>
    IAccountStore Open(GrainId account);
}
