namespace Grid.LoadTest.Workload;

/// <summary>
/// What the simulated engines send. Weights are relative; a cancel or fill on an account with no
/// resting order becomes a new order, and a new order on an account at its resting limit becomes a
/// cancel, so the realised mix is reported, not assumed.
/// </summary>
/// <param name="New">Weight of new orders (CheckOrder).</param>
/// <param name="Cancel">Weight of full cancels of a resting order (OrderCanceled).</param>
/// <param name="Fill">Weight of partial fills of a resting order (OrderFilled, unique trade id).</param>
/// <param name="Reducing">Share of new orders, on accounts holding a position, that reduce it (opposite side, at most the position).</param>
public sealed record OrderMix(double New, double Cancel, double Fill, double Reducing)
{
    /// <summary>70 % new orders, 15 % cancels, 15 % partial fills; 30 % of new orders risk-reducing.</summary>
    public static OrderMix Default { get; } = new(70, 15, 15, 0.3);

    /// <summary>Parses "new:cancel:fill[:reducing]", e.g. "70:15:15:0.3".</summary>
    public static OrderMix Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4)
        {
            throw new FormatException($"order mix '{text}' is not new:cancel:fill[:reducing]");
        }

        var values = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var mix = new OrderMix(values[0], values[1], values[2], values.Length == 4 ? values[3] : Default.Reducing);
        if (mix.New < 0 || mix.Cancel < 0 || mix.Fill < 0 || mix.New + mix.Cancel + mix.Fill <= 0 || mix.Reducing is < 0 or > 1)
        {
            throw new FormatException($"order mix '{text}': weights must be >= 0 with a positive sum, reducing in [0, 1]");
        }

        return mix;
    }

    /// <inheritdoc />
    public override string ToString()
        => FormattableString.Invariant($"{New}:{Cancel}:{Fill} (reducing {Reducing:P0})");
}
