using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.LoadTest.Workload;

namespace Grid.LoadTest.Market;

/// <summary>
/// The options of a market maker's book: 200 BTC options, 2 expiries × 50 strikes × call and put, named
/// like the demo catalog's ("BTC-270104-60000-C"). The expiries are those of the BTC options already
/// listed (the two with most options, more than a week out), so a demo grid's own options are reused
/// where they coincide, else 30 and 91 days out at 08:00 UTC; the strikes run from 2/3 of the reference
/// in steps of 1/75 of it (rounded to 100 USD), i.e. from deep in the money to far out of it.
/// </summary>
public static class OptionBook
{
    /// <summary>Options per book.</summary>
    public const int Size = 200;

    /// <summary>Strikes per expiry (a call and a put each).</summary>
    public const int Strikes = Size / 4;

    /// <summary>The book's underlying.</summary>
    public const string Underlying = "BTC";

    /// <summary>The book's two expiries, given the expiries of the listed BTC options (one entry per option).</summary>
    public static IReadOnlyList<DateTimeOffset> Expiries(IEnumerable<DateTimeOffset> listed, DateTimeOffset now)
    {
        var expiries = listed.Where(e => e > now.AddDays(7))
            .GroupBy(e => e).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(2).Select(g => g.Key).ToList();
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);
        foreach (var days in new[] { 30, 91 })
        {
            if (expiries.Count < 2 && !expiries.Contains(day.AddDays(days)))
            {
                expiries.Add(day.AddDays(days));
            }
        }

        return [.. expiries.Order()];
    }

    /// <summary>The strikes around <paramref name="reference"/>, lowest first.</summary>
    public static IReadOnlyList<decimal> StrikesAround(double reference)
    {
        if (!(reference > 0 && double.IsFinite(reference)))
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "the book's reference price must be positive");
        }

        var step = Math.Max(100, Math.Round(reference / 75 / 100) * 100);
        var first = Math.Max(step, Math.Round(reference * 2 / 3 / 100) * 100);
        return [.. Enumerable.Range(0, Strikes).Select(k => (decimal)(first + step * k))];
    }

    /// <summary>The book's instrument specs: per expiry, per strike, the call then the put.</summary>
    public static IReadOnlyList<InstrumentSpec> Specs(IReadOnlyList<DateTimeOffset> expiries, double reference)
    {
        var strikes = StrikesAround(reference);
        var specs = new List<InstrumentSpec>(expiries.Count * strikes.Count * 2);
        foreach (var expiry in expiries)
        {
            foreach (var strike in strikes)
            {
                foreach (var call in new[] { true, false })
                {
                    specs.Add(new InstrumentSpec
                    {
                        Id = string.Create(CultureInfo.InvariantCulture, $"{Underlying}-{expiry:yyMMdd}-{strike}-{(call ? "C" : "P")}"),
                        Kind = InstrumentKind.Option, Group = Underlying, Underlying = Underlying, Multiplier = WireDecimals.From(1),
                        Settlement = "USDC", Expiry = Timestamp.FromDateTimeOffset(expiry), Strike = WireDecimals.From(strike),
                        OptionType = call ? OptionType.Call : OptionType.Put,
                    });
                }
            }
        }

        return specs;
    }
}
