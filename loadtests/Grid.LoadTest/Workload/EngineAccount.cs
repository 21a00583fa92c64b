namespace Grid.LoadTest.Workload;

/// <summary>
/// One account as its matching engine sees it: positions booked by the fills it reported, orders the
/// grid accepted (resting), and checks still unanswered.
/// </summary>
public sealed class EngineAccount(string id, int instruments)
{
    /// <summary>The account id on the grid.</summary>
    public string Id { get; } = id;

    /// <summary>Net position per traded instrument, in contracts.</summary>
    public decimal[] Positions { get; } = new decimal[instruments];

    /// <summary>Orders accepted by the grid and not yet filled or cancelled.</summary>
    public List<EngineOrder> Resting { get; } = [];

    /// <summary>Checks sent and not yet answered.</summary>
    public int Pending { get; set; }

    /// <summary>Resting plus pending: what counts against the per-account limit.</summary>
    public int Open => Resting.Count + Pending;
}
