using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Faults;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>
/// Bounds the price batches this gateway applies at once (Grid:Gateway:MaxPriceBatchesInFlight): past the
/// bound a batch is refused as a whole with OVERLOADED and a retry_after, instead of queueing grain calls
/// without limit behind a feed that outruns the grid.
/// </summary>
internal sealed class PriceBatchGate(IOptions<GatewayOptions> options)
{
    /// <summary>What an OVERLOADED refusal asks the feeder to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(100);

    private readonly int _limit = options.Value.MaxPriceBatchesInFlight;
    private int _inFlight;

    /// <summary>Batches being applied now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Takes a slot; false (take nothing) when every slot is taken.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= _limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    /// <summary>Returns a slot taken by <see cref="TryEnter"/>.</summary>
    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>The refusal of a batch that found no slot.</summary>
    public Wire.ErrorDetail Overloaded()
    {
        var detail = WireErrors.Detail(
            Wire.ErrorCode.Overloaded, "", $"{_limit} price batches are being applied (Grid:Gateway:MaxPriceBatchesInFlight); nothing was applied, resend after retry_after");
        detail.RetryAfter = Duration.FromTimeSpan(RetryAfter);
        return detail;
    }
}
