namespace Grid.Gateway.Market;

/// <summary>One validated price update: its position in the batch, value and observation instant.</summary>
internal readonly record struct PricePoint(int Index, decimal Value, DateTimeOffset At)
{
    /// <summary>
    /// Keeps the newer of two updates of one price key (the later in the batch on a tie, as if applied
    /// in order) and records the other as superseded, which the ack counts as stale.
    /// </summary>
    public static PricePoint Newer(PricePoint? held, PricePoint next, List<int> superseded)
    {
        if (held is not { } current)
        {
            return next;
        }

        if (next.At >= current.At)
        {
            superseded.Add(current.Index);
            return next;
        }

        superseded.Add(next.Index);
        return current;
    }
}
