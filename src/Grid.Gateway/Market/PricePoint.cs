namespace Grid.Gateway.Market;

/// <summary>
/// One validated price update: its position in the batch, value and observation instant, and the field
/// naming its key (e.g. "mark.instrument_id"), which an error about the key names.
/// </summary>
internal readonly record struct PricePoint(int Index, decimal Value, DateTimeOffset At, string KeyField)
{
    /// <summary>
    /// Keeps the newer of two updates of one price key (the later in the batch on a tie, as if applied
    /// in order) and records the other as superseded, which the ack counts as stale.
    /// </summary>
    public static PricePoint Newer(PricePoint? held, PricePoint next, List<PricePoint> superseded)
    {
        if (held is not { } current)
        {
            return next;
        }

        if (next.At >= current.At)
        {
            superseded.Add(current);
            return next;
        }

        superseded.Add(next);
        return current;
    }

    /// <summary>1 when the grain holds a newer observation of the key than this one (the update was stale), else 0.</summary>
    public int StaleAgainst(DateTimeOffset held) => held > At ? 1 : 0;
}
