namespace Grid.Risk.Stress;

/// <summary>How a position of an instrument enters AE (Rulebook §3.2, §4 item 21); chosen once per instrument.</summary>
internal enum StressValuation : byte
{
    /// <summary>Spot pairs and stocks: held as balances, never as positions.</summary>
    None = 0,
    /// <summary>Linear perps and futures, SPAN futures: q·mult·(X − entry).</summary>
    Linear = 1,
    /// <summary>Inverse perps and futures: q·N·(1/entry − 1/X)·P.</summary>
    Inverse = 2,
    /// <summary>Options of either settlement: q × value per contract.</summary>
    Option = 3,
}
