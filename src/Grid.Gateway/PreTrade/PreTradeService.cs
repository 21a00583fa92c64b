using System.Globalization;
using Grid.Abstractions;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Abstractions.Risk;
using Grid.Abstractions.Venues;
using Grid.Gateway.Audit;
using Grid.Gateway.Faults;
using Grid.Gateway.Security;
using Grid.Gateway.Validation;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.PreTrade;

/// <summary>grid.v1.PreTrade: the matching engines' stream, single checks and reservation listing.</summary>
internal sealed class PreTradeService(
    IGrainFactory grains,
    AccountExecutor executor,
    IOptions<GatewayOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    IEnumerable<IRiskEventFeed> feeds,
    OpenEngineStreams streams,
    IAuditTrail audit,
    ILogger<PreTradeService> logger) : Wire.PreTrade.PreTradeBase
{
    /// <summary>The response header that tells the engine the per-stream window.</summary>
    public const string MaxInFlightHeader = "grid-max-in-flight";

    /// <summary>Unary checks have no stream to correlate on; the account echoes any non-zero id.</summary>
    private const ulong UnaryCorrelationId = 1;

    public override async Task Stream(
        IAsyncStreamReader<Wire.EngineMessage> requestStream,
        IServerStreamWriter<Wire.GridMessage> responseStream,
        ServerCallContext context)
    {
        var settings = options.Value;
        try
        {
            await context.WriteResponseHeadersAsync(new Metadata { { MaxInFlightHeader, settings.MaxInFlightPerStream.ToString(CultureInfo.InvariantCulture) } });
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            return;
        }

        GridMetrics.Streams.Add(1);
        streams.Opened();
        try
        {
            var caller = CallerContext.Of(context);
            var decisions = new DecisionAudit(audit, clock, caller.Id, context.Method);
            await new EngineStream(Execute, settings, clock, logger, feeds.FirstOrDefault(), caller.MayAct, decisions, caller.Id).Run(requestStream, responseStream, context.CancellationToken, lifetime.ApplicationStopping);
        }
        finally
        {
            streams.Closed();
            GridMetrics.Streams.Add(-1);
        }
    }

    public override Task<Wire.OrderDecision> Check(Wire.CheckOrderRequest request, ServerCallContext context)
        => GrainCall.Run(() => CheckOne(request, CallerContext.Of(context).Id, new DecisionAudit(audit, clock, CallerContext.Of(context).Id, context.Method)), Wire.ErrorCode.UnknownAccount, logger, "PreTrade.Check");

    public override Task<Wire.ListReservationsResponse> ListReservations(Wire.ListReservationsRequest request, ServerCallContext context)
        => GrainCall.Run(
            () => new ReservationPages(PortfolioOf, VenueAccounts, LeaveVenue).List(request, options.Value.DefaultPageSize, CallerContext.Of(context)),
            Wire.ErrorCode.UnknownAccount,
            logger,
            "PreTrade.ListReservations");

    private async Task<Wire.OrderDecision> CheckOne(Wire.CheckOrderRequest request, string venue, DecisionAudit decisions)
    {
        var read = EngineMessages.ReadCheck(request.Order, UnaryCorrelationId, FieldPaths.Order, venue);
        if (read.Immediate is { } refused)
        {
            decisions.Record(read.AccountId, request, refused);
            return refused.Decision;
        }

        var command = read.Command.GetValueOrDefault();
        var replies = new EngineReply[1];
        await executor.Execute(read.AccountId, new[] { command }, replies);
        var reply = replies[0].Kind != 0
            ? GridReplies.From(read.AccountId, command, replies[0])
            : GridReplies.Error(command.CorrelationId, WireErrors.Detail(Wire.ErrorCode.Internal, "", "the account answered no decision"));
        decisions.Record(read.AccountId, command, reply);
        return reply.BodyCase == Wire.GridMessage.BodyOneofCase.Decision
            ? reply.Decision
            : throw WireErrors.ToRpcException(reply.Error ?? WireErrors.Detail(Wire.ErrorCode.Internal, "", "the account answered a check with an ack"));
    }

    // The executor's ValueTask as it is: the lane awaits it once, so no Task is made of it.
    private ValueTask Execute(string accountId, ReadOnlyMemory<EngineCommand> batch, Memory<EngineReply> replies)
        => executor.Execute(accountId, batch, replies);

    private Task<string[]> VenueAccounts(string venueId, string afterAccountId, int max)
        => grains.GetGrain<IVenueAccountsGrain>(venueId).Page(afterAccountId, max);

    // One-way: the listing does not wait for the account to leave the venue's index.
    private void LeaveVenue(string accountId, string venueId) => _ = grains.GetGrain<IAccountGrain>(accountId).LeaveVenue(venueId);

    /// <summary>Unknown accounts simply have no reservations (pretrade.proto).</summary>
    private async Task<PortfolioView?> PortfolioOf(string accountId)
    {
        try
        {
            return await grains.GetGrain<IAccountGrain>(accountId).GetPortfolio();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
