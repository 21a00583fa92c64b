using System.Collections.Concurrent;
using Grid.Abstractions.Engine;
using Grid.Abstractions.Risk;
using Grid.Gateway.Audit;
using Grid.Gateway.Faults;
using Grid.Gateway.Monitoring;
using Grid.Gateway.Streaming;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>
/// One PreTrade.Stream call. The reader validates each message: heartbeats and bad messages are
/// answered at once, commands go to their account's lane (<see cref="AccountLanes"/>), whose replies
/// reach the single writer. When the engine completes its side, the lanes finish and the replies are
/// flushed before the call completes. Takes an executor rather than a grain factory so it runs
/// without a silo in tests.
/// </summary>
internal sealed class EngineStream(
    ApplyBatch execute,
    GatewayOptions options,
    TimeProvider clock,
    ILogger logger,
    IRiskEventFeed? feed = null,
    Func<string, bool>? mayAct = null,
    DecisionAudit? audit = null,
    string venue = "")
{
    // Accounts this engine has sent commands for: it is told when the grid cancels their orders. The value is
    // the stream's first copy of the id, which the lanes, the pooled replies and the audit ring then hold instead
    // of each message's own parsed string: those live long, and a fresh string per message held by them was
    // copied at every gen0 GC (≈ 40 B per message through the audit ring, issue 14).
    private readonly ConcurrentDictionary<string, string> _accounts = new(StringComparer.Ordinal);

    /// <summary>The status a draining silo ends its streams with: the engine reconnects elsewhere and resends what had no reply.</summary>
    public const string DrainMessage = "this silo is shutting down: reconnect to another silo and resend every message that had no reply";

    /// <summary>
    /// Serves the call until the engine completes it or the call is cancelled. When <paramref name="drain"/>
    /// fires (the silo is stopping) the stream stops reading, answers everything already read, flushes, and
    /// ends with UNAVAILABLE: nothing acknowledged is lost, nothing unanswered was applied half-way.
    /// </summary>
    public Task Run(IAsyncStreamReader<Wire.EngineMessage> requests, IServerStreamWriter<Wire.GridMessage> responses, CancellationToken cancellationToken, CancellationToken drain = default)
    {
        // The replies are reused once written, unless the audit trail keeps them as they are.
        var pool = audit is null || audit.CopiesOnRecord ? new ReplyPool(options.MaxInFlightPerStream) : null;
        return DuplexStream.Run(responses, options.MaxInFlightPerStream, (writer, token) => Serve(requests, writer, pool, token, drain), logger, "PreTrade.Stream", cancellationToken, pool is null ? null : pool.Return);
    }

    private async Task Serve(IAsyncStreamReader<Wire.EngineMessage> requests, SerialWriter<Wire.GridMessage> writer, ReplyPool? pool, CancellationToken token, CancellationToken drain)
    {
        var lanes = new AccountLanes(
            options.MaxInFlightPerStream,
            options.MaxBatchPerAccount,
            execute,
            (account, command, reply) =>
            {
                var wire = Reply(account, command, reply, pool);
                audit?.Record(account, command, wire);
                return pool is null ? writer.Write(wire, token) : writer.WriteAndRecycle(wire, token);
            },
            logger);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(token, drain);
        var cancels = feed is null ? Task.CompletedTask : ForwardCancels(feed, writer, reading.Token);
        try
        {
            await foreach (var message in requests.ReadAllAsync(reading.Token))
            {
                var request = EngineMessages.Read(message, clock, venue);
                if (request.Immediate is { } immediate)
                {
                    audit?.Record(request.AccountId, message, immediate);
                    await writer.Write(immediate, token);
                }
                else if (mayAct is not null && !mayAct(request.AccountId))
                {
                    // An engine acts only on its own accounts; the stream carries on.
                    await writer.Write(GridReplies.Error(message.CorrelationId, WireErrors.Detail(Wire.ErrorCode.PermissionDenied, "account_id", $"this key may not act on account {request.AccountId}")), token);
                }
                else if (lanes.TryEnqueue(Known(request.AccountId, out var known), request.Command.GetValueOrDefault()))
                {
                    if (!known)
                    {
                        _accounts.TryAdd(request.AccountId, request.AccountId);
                    }
                }
                else
                {
                    // The window is full: refused at once, not applied; the reader goes on (pretrade.proto).
                    var overloaded = GridReplies.Error(message.CorrelationId, WireErrors.Detail(Wire.ErrorCode.Overloaded, "", OverloadedMessage(lanes.MaxInFlight)));
                    audit?.Record(request.AccountId, request.Command.GetValueOrDefault(), overloaded);
                    await writer.Write(overloaded, token);
                }
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested && !token.IsCancellationRequested)
        {
            // Draining: stop reading; what was read is still answered below.
        }

        await lanes.Complete().WaitAsync(token);
        await reading.CancelAsync();
        await cancels.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (drain.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, DrainMessage));
        }
    }

    /// <summary>The stream's own copy of <paramref name="accountId"/> (<see cref="_accounts"/> says why), or the id itself when new.</summary>
    private string Known(string accountId, out bool known)
    {
        known = _accounts.TryGetValue(accountId, out var first);
        return known ? first! : accountId;
    }

    /// <summary>The explanation of an OVERLOADED reply for a full window.</summary>
    internal static string OverloadedMessage(int window)
        => $"the stream's window of {window} unanswered messages (grid-max-in-flight) is full; not applied: resend once earlier messages are answered";

    /// <summary>
    /// Passes the grid's cancellations (an account entering liquidation, or frozen with its orders pulled) on
    /// to the venue that placed the orders: every stream of that venue gets the ids of its own orders; orders
    /// with no recorded venue go to the streams that sent messages for the account.
    /// </summary>
    private async Task ForwardCancels(IRiskEventFeed events, SerialWriter<Wire.GridMessage> writer, CancellationToken token)
    {
        try
        {
            await foreach (var e in events.Subscribe(options.MaxInFlightPerStream, token).ReadAllAsync(token))
            {
                if (e.CanceledOrderIds.Count > 0 && CancelsFor(e) is { } mine)
                {
                    await writer.Write(mine, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended.
        }
    }

    /// <summary>The instruction for this stream's venue, or null when none of the orders is its own.</summary>
    private Wire.GridMessage? CancelsFor(RiskEventData e)
    {
        var touched = _accounts.ContainsKey(e.AccountId);
        var message = RiskEventMessages.Cancel(e);
        message.Cancel.ClientOrderIds.Clear();
        for (var i = 0; i < e.CanceledOrderIds.Count; i++)
        {
            var placedBy = i < e.CanceledOrderVenues.Count ? e.CanceledOrderVenues[i] : "";
            if (placedBy.Length > 0 ? placedBy == venue : touched)
            {
                message.Cancel.ClientOrderIds.Add(e.CanceledOrderIds[i]);
            }
        }

        return message.Cancel.ClientOrderIds.Count > 0 ? message : null;
    }

    /// <summary>Every command gets exactly one reply, even one whose figures do not fit the wire.</summary>
    private static Wire.GridMessage Reply(string accountId, EngineCommand command, EngineReply reply, ReplyPool? pool)
    {
        try
        {
            return GridReplies.From(accountId, command, reply, pool);
        }
        catch (OverflowException)
        {
            return GridReplies.Error(command.CorrelationId, WireErrors.Detail(Wire.ErrorCode.Internal, "", "a figure of the reply is beyond the wire range"));
        }
    }
}
