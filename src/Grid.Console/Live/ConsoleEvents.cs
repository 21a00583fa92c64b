using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grid.Abstractions.Accounts;
using Grid.Console.Api;
using Grid.Console.Views;
using Microsoft.Extensions.Logging;

namespace Grid.Console.Live;

/// <summary>
/// One page's live stream (Server-Sent Events): <c>activity</c> every second, <c>risk</c> for every
/// margin state change of the cluster and, for an account page, <c>account</c> with the whole page
/// whenever the account changes: the console watches the grain, which then follows the market and
/// pushes its figures after every price move, fill or transfer. A <c>problem</c> event says why the
/// account cannot be followed. Slow readers lose the oldest items, never slow the grid.
/// </summary>
internal sealed class ConsoleEvents(
    IGrainFactory grains,
    AccountSource accounts,
    CheckActivity activity,
    RiskEventSource riskEvents,
    TimeProvider clock,
    ILogger<ConsoleEvents> logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<SseItem<string>> Stream(string? accountId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] producers =
        [
            Activity(items.Writer, stop.Token),
            RiskEvents(items.Writer, stop.Token),
            string.IsNullOrEmpty(accountId) ? Task.CompletedTask : Account(accountId, items.Writer, stop.Token),
        ];
        try
        {
            while (await More(items.Reader, stop.Token))
            {
                while (items.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(producers);
        }
    }

    private static SseItem<string> Item<T>(string type, T payload) => new(ConsoleJson.Serialize(payload), type);

    private static async Task<bool> More(ChannelReader<SseItem<string>> reader, CancellationToken token)
    {
        try
        {
            return await reader.WaitToReadAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task Activity(ChannelWriter<SseItem<string>> items, CancellationToken token)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        try
        {
            do
            {
                items.TryWrite(Item("activity", activity.Snapshot()));
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task RiskEvents(ChannelWriter<SseItem<string>> items, CancellationToken token)
    {
        if (riskEvents.Subscribe(256, token) is not { } feed)
        {
            return;
        }

        try
        {
            await foreach (var e in feed.ReadAllAsync(token))
            {
                // House events name no account; the House risk page reads the runs themselves.
                if (e.House is null)
                {
                    items.TryWrite(Item("risk", AccountViews.Event(e)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task Account(string accountId, ChannelWriter<SseItem<string>> items, CancellationToken token)
    {
        IAccountGrain account;
        try
        {
            account = accounts.Grain(accountId);
        }
        catch (ArgumentException e)
        {
            items.TryWrite(Item("problem", ConsoleResults.Problem(e)));
            return;
        }

        AccountSubscription? subscription = null;
        try
        {
            subscription = await AccountSubscription.StartAsync(grains, accountId, clock, e => ConsoleLog.WatchRenewalFailed(logger, accountId, e));
            var first = await accounts.Get(accountId);
            subscription.Newer(first.Version, first.ComputedAt);
            items.TryWrite(Item("account", first));
            await foreach (var figures in subscription.Updates.ReadAllAsync(token))
            {
                if (subscription.Newer(figures))
                {
                    items.TryWrite(Item("account", await accounts.With(account, figures)));
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (Exception e)
        {
            items.TryWrite(Item("problem", ConsoleResults.Problem(e)));
            ConsoleLog.AccountUpdatesStopped(logger, accountId, e);
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.DisposeAsync();
            }
        }
    }
}
