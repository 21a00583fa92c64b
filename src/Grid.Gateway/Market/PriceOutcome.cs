using Grid.Abstractions.Market;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Market;

/// <summary>What one grain made of its share of a price batch.</summary>
internal sealed class PriceOutcome
{
    /// <summary>Updates applied.</summary>
    public uint Accepted { get; set; }

    /// <summary>Valid updates ignored because a newer observation of the same key was held.</summary>
    public uint Stale { get; set; }

    /// <summary>Updates refused, with why.</summary>
    public List<Wire.RejectedUpdate> Rejected { get; } = [];

    /// <summary>What the grain stored, to publish with the rest of the batch; null when nothing was applied.</summary>
    public MarketChange? Change { get; set; }

    /// <summary>
    /// Refuses every update in <paramref name="updates"/> with the same error. When the error is about the
    /// grain's key (not listed, not known), each update's own id field is named.
    /// </summary>
    public static PriceOutcome RejectAll(IEnumerable<(int Index, string KeyField)> updates, Wire.ErrorDetail error, Wire.ErrorCode keyError)
    {
        var outcome = new PriceOutcome();
        foreach (var (index, keyField) in updates)
        {
            var detail = error.Clone();
            if (detail.Code == keyError)
            {
                detail.Field = keyField;
            }

            outcome.Rejected.Add(new Wire.RejectedUpdate { Index = (uint)index, Error = detail });
        }

        return outcome;
    }
}
