using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.LoadTest.Workload;
using Grid.Risk.Pricing;

namespace Grid.LoadTest.Market;

/// <summary>
/// The generator's market: per underlying a mean-reverting random walk of the index (steps of about
/// 3 bp, pulled back towards the reference and never more than 1 % away from it, so resting orders
/// within the ±10 % price band keep passing), the traded marks moving with it, forwards at a 6 %
/// annual carry over the index, and each option's vol wandering within ±0.05 of its base. A step
/// moves one underlying; the feed thread steps, the stream threads read option marks (plain doubles).
/// </summary>
public sealed class MarketWalk
{
    private const double StepSize = 0.0003;
    private const double Reversion = 0.05;
    private const double MaxMove = 0.01;
    private const double Carry = 0.06;
    private const double BaseVol = 0.6;
    private const double VolStep = 0.003;
    private const double MaxVolMove = 0.05;
    private const int VolsPerStep = 16;

    private readonly Random _random;
    private readonly double[] _move;
    private readonly double[] _vol;

    /// <summary>A walk over <paramref name="underlyings"/> and <paramref name="options"/>, starting at the references.</summary>
    public MarketWalk(IReadOnlyList<FeedUnderlying> underlyings, IReadOnlyList<FeedOption> options, int seed)
    {
        Underlyings = underlyings;
        Options = options;
        _random = new Random(seed);
        _move = new double[underlyings.Count];
        _vol = [.. options.Select(_ => BaseVol)];
    }

    /// <summary>The underlyings moved, in the order the steps cycle through them.</summary>
    public IReadOnlyList<FeedUnderlying> Underlyings { get; }

    /// <summary>The options whose vols move.</summary>
    public IReadOnlyList<FeedOption> Options { get; }

    /// <summary>Price keys a full batch (<see cref="All"/>) carries.</summary>
    public int Keys => Underlyings.Sum(u => 1 + u.Marks.Count + u.Expiries.Count) + Options.Count;

    /// <summary>Every price key at its current value: the first batch, which makes the generator's market the grid's.</summary>
    public List<PriceUpdate> All(DateTimeOffset at)
    {
        var updates = new List<PriceUpdate>(Keys);
        for (var u = 0; u < Underlyings.Count; u++)
        {
            Prices(u, at, updates);
        }

        for (var k = 0; k < Options.Count; k++)
        {
            updates.Add(Vol(k, at));
        }

        return updates;
    }

    /// <summary>Moves underlying <paramref name="u"/> one step and returns its updates: index, marks, forwards, 16 vols.</summary>
    public List<PriceUpdate> Step(int u, DateTimeOffset at)
    {
        var noise = _random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5;
        _move[u] = Math.Clamp(_move[u] * (1 - Reversion) + StepSize * 2 * noise, -MaxMove, MaxMove);
        var updates = new List<PriceUpdate>(1 + Underlyings[u].Marks.Count + Underlyings[u].Expiries.Count + VolsPerStep);
        Prices(u, at, updates);
        var options = Underlyings[u].Options;
        for (var n = Math.Min(VolsPerStep, options.Count); n > 0; n--)
        {
            var k = options[_random.Next(options.Count)];
            var dv = (_random.NextDouble() - 0.5) * 2 * VolStep;
            _vol[k] = Math.Clamp(BaseVol + (_vol[k] - BaseVol) * (1 - Reversion) + dv, BaseVol - MaxVolMove, BaseVol + MaxVolMove);
            updates.Add(Vol(k, at));
        }

        return updates;
    }

    /// <summary>The index of underlying <paramref name="u"/> now.</summary>
    public double Index(int u) => Underlyings[u].Reference * Math.Exp(_move[u]);

    /// <summary>Black-76 mark of option <paramref name="k"/> in USD at <paramref name="now"/> on the walk's forward and vol.</summary>
    public double OptionMark(int k, DateTimeOffset now)
    {
        var o = Options[k];
        var years = Math.Max(1e-6, (o.Expiry - now).TotalDays / 365.0);
        return Black76.Price(o.IsCall, Forward(o.Underlying, o.Expiry, now), o.Strike, years, _vol[k], 1);
    }

    private double Forward(int u, DateTimeOffset expiry, DateTimeOffset now)
        => Index(u) * Math.Exp(Carry * Math.Max(0, (expiry - now).TotalDays / 365.0));

    private void Prices(int u, DateTimeOffset at, List<PriceUpdate> updates)
    {
        var underlying = Underlyings[u];
        var observed = Timestamp.FromDateTimeOffset(at);
        updates.Add(new PriceUpdate { Index = new IndexPrice { Asset = underlying.Asset, Price = WireDecimals.From(Round(Index(u))) }, ObservedAt = observed });
        foreach (var (id, reference) in underlying.Marks)
        {
            updates.Add(new PriceUpdate { Mark = new MarkPrice { InstrumentId = id, Price = WireDecimals.From(Round(reference * Math.Exp(_move[u]))) }, ObservedAt = observed });
        }

        foreach (var expiry in underlying.Expiries)
        {
            var forward = new ForwardPrice { Underlying = underlying.Asset, Expiry = Timestamp.FromDateTimeOffset(expiry), Price = WireDecimals.From(Round(Forward(u, expiry, at))) };
            updates.Add(new PriceUpdate { Forward = forward, ObservedAt = observed });
        }
    }

    private PriceUpdate Vol(int k, DateTimeOffset at) => new()
    {
        Vol = new ImpliedVol { InstrumentId = Options[k].Id, Vol = WireDecimals.From(Math.Round((decimal)_vol[k], 6)) },
        ObservedAt = Timestamp.FromDateTimeOffset(at),
    };

    private static decimal Round(double price) => Math.Round((decimal)price, price >= 100 ? 2 : 6);
}
