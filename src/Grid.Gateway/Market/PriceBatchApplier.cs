using Grid.Abstractions.Market;
using Grid.Gateway.Validation;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// Applies one PriceBatch as one market step: validates each update on its own (invalid ones are listed
/// in the ack, the rest still apply), groups the valid ones per grain so each underlying, instrument and
/// the rulebook grain is called once, stores them concurrently, then publishes what was stored in one
/// piece (<see cref="IMarketSteps"/>): this silo applies it in one swap before the ack, the others get
/// it as one change set. A grain that refuses or fails rejects its own updates only.
/// </summary>
internal sealed class PriceBatchApplier(IGrainFactory grains, IMarketSteps? steps, TimeProvider clock, TimeSpan maxClockSkew, ILogger logger)
{
    /// <summary>Most updates one batch may carry (market_data.proto).</summary>
    public const int MaxUpdates = 10_000;

    /// <summary>Key of the market directory grain, which fans a step out when no silo is co-hosted.</summary>
    private const string DirectoryKey = "market";

    /// <summary>Key of the rulebook grain, which owns the risk-free rate.</summary>
    private const string RulebookKey = "current";

    /// <summary>Applies <paramref name="batch"/>; a batch refused as a whole throws <see cref="InvalidFieldException"/>.</summary>
    public async Task<Wire.PublishAck> Apply(Wire.PriceBatch batch)
    {
        if (batch.Sequence == 0)
        {
            throw InvalidFieldException.Malformed("sequence", "must be greater than zero");
        }

        if (batch.Updates.Count > MaxUpdates)
        {
            throw InvalidFieldException.Invalid("updates", $"at most {MaxUpdates} updates per batch, got {batch.Updates.Count}");
        }

        var ack = new Wire.PublishAck { Sequence = batch.Sequence };
        var rejected = new List<Wire.RejectedUpdate>();
        var routes = new PriceRoutes();
        var latest = clock.GetUtcNow() + maxClockSkew;
        for (var i = 0; i < batch.Updates.Count; i++)
        {
            try
            {
                routes.Add(batch.Updates[i], i, latest);
            }
            catch (InvalidFieldException e)
            {
                rejected.Add(new Wire.RejectedUpdate { Index = (uint)i, Error = e.ToDetail() });
            }
        }

        var outcomes = await Task.WhenAll(routes.Underlyings.Select(u => u.Store(grains, logger))
            .Concat(routes.Instruments.Select(q => q.Store(grains, logger)))
            .Append(routes.Rate.Store(grains, RulebookKey, logger)));
        var step = new List<MarketChange>(outcomes.Length);
        foreach (var outcome in outcomes)
        {
            ack.Accepted += outcome.Accepted;
            ack.Stale += outcome.Stale;
            rejected.AddRange(outcome.Rejected);
            if (outcome.Change is { } change)
            {
                step.Add(change);
            }
        }

        // Everything is stored; now it becomes visible, in one piece, before the ack.
        if (step.Count > 0)
        {
            await (steps?.Publish(step) ?? grains.GetGrain<IMarketDirectoryGrain>(DirectoryKey).PublishStep([.. step]));
        }

        ack.Rejected.Add(rejected.OrderBy(r => r.Index));
        return ack;
    }
}
