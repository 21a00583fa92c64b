using System.Threading.Channels;

namespace Grid.Abstractions.Accounts;

/// <summary>
/// Follows one account's margin from outside the grain (a Watch call, a console page): subscribes as
/// the account's observer, renews the subscription well inside the grain's one-minute expiry, keeps
/// only the newest snapshot (each is complete, so an unsent one is simply replaced), and on disposal
/// unsubscribes (bounded) and deletes the observer reference.
/// </summary>
public sealed class AccountSubscription : IAccountObserver, IAsyncDisposable
{
    /// <summary>How often the subscription is renewed; the grain forgets observers after a minute.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan UnwatchTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<BuyingPower> _latest = Channel.CreateBounded<BuyingPower>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly Action<Exception> _failed;
    private readonly CancellationTokenSource _stop = new();
    private IAccountObserver? _reference;
    private Task _renewing = Task.CompletedTask;
    private (long Version, DateTimeOffset ComputedAt) _delivered = (-1, DateTimeOffset.MinValue);

    private AccountSubscription(IGrainFactory grains, IAccountGrain account, TimeProvider clock, Action<Exception> failed)
    {
        _grains = grains;
        Account = account;
        _clock = clock;
        _failed = failed;
    }

    /// <summary>The account followed.</summary>
    public IAccountGrain Account { get; }

    /// <summary>Snapshots pushed by the grain, newest only.</summary>
    public ChannelReader<BuyingPower> Updates => _latest.Reader;

    /// <summary>
    /// Subscribes to <paramref name="accountId"/>. Subscribe before reading a first snapshot, so that no
    /// change between the two is missed. <paramref name="failed"/> hears of renewals and unsubscriptions
    /// that failed (the subscription then lapses on its own after a minute).
    /// </summary>
    public static async Task<AccountSubscription> StartAsync(IGrainFactory grains, string accountId, TimeProvider clock, Action<Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var subscription = new AccountSubscription(grains, grains.GetGrain<IAccountGrain>(accountId), clock, failed);
        subscription._reference = grains.CreateObjectReference<IAccountObserver>(subscription);
        try
        {
            await subscription.Account.Watch(subscription._reference);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }

        subscription._renewing = subscription.Renew();
        return subscription;
    }

    /// <summary>
    /// True (and remembered) when <paramref name="figures"/> is newer than every snapshot delivered so far:
    /// a higher version, or the same version computed later (a price move, a rulebook change). A first
    /// snapshot overtaken by a queued update is thereby dropped. The computation instant orders them, not
    /// the market instant: a new rulebook moves the figures without moving the market.
    /// </summary>
    public bool Newer(BuyingPower figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Newer(figures.Version, figures.ComputedAt);
    }

    /// <summary>As <see cref="Newer(BuyingPower)"/>, for a snapshot of the account's <paramref name="version"/> computed at <paramref name="computedAt"/>.</summary>
    public bool Newer(long version, DateTimeOffset computedAt)
    {
        if (version < _delivered.Version || (version == _delivered.Version && computedAt <= _delivered.ComputedAt))
        {
            return false;
        }

        _delivered = (version, computedAt);
        return true;
    }

    /// <summary>Called by the account grain (one-way); never blocks it.</summary>
    public Task Updated(BuyingPower update)
    {
        _latest.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        if (_reference is not null)
        {
            try
            {
                // Bounded: a silo that is down must not hold the caller; the subscription expires anyway.
                await Account.Unwatch(_reference).AsTask().WaitAsync(UnwatchTimeout, _clock);
            }
            catch (Exception e)
            {
                _failed(e);
            }

            _grains.DeleteObjectReference<IAccountObserver>(_reference);
            _reference = null;
        }

        _stop.Dispose();
    }

    private async Task Renew()
    {
        using var timer = new PeriodicTimer(Renewal, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await Account.Watch(_reference!);
                }
                catch (Exception e)
                {
                    if (!_stop.IsCancellationRequested)
                    {
                        _failed(e);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Renewal ends with the subscription.
        }
    }
}
