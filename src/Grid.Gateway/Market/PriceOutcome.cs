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

    /// <summary>Refuses every update in <paramref name="indexes"/> with the same error.</summary>
    public static PriceOutcome RejectAll(IEnumerable<int> indexes, Wire.ErrorDetail error)
    {
        var outcome = new PriceOutcome();
        foreach (var index in indexes)
        {
            outcome.Rejected.Add(new Wire.RejectedUpdate { Index = (uint)index, Error = error.Clone() });
        }

        return outcome;
    }
}
