using System.Diagnostics;
using Grid.LoadTest.Reporting;
using Grid.LoadTest.Workload;
using Grid.Risk.Accounts;

namespace Grid.LoadTest.Baselines;

/// <summary>
/// The risk core's ceiling: AccountBook.Check on <see cref="CoreAccount"/> in a loop on one thread,
/// over a precomputed set of orders drawn like the generator's (1 to 20 lots within the spread, both
/// sides, every instrument). Nothing is reserved, so every check sees the same book.
/// </summary>
public static class CoreBaseline
{
    private const int Orders = 1024;
    private const int Batch = 4096;

    /// <summary>Warms up for half a second, then measures for <paramref name="duration"/>.</summary>
    public static CoreResult Run(IReadOnlyList<TradedInstrument> traded, decimal funding, TimeSpan duration, int seed, TextWriter output)
    {
        var random = new Random(seed);
        var model = CoreAccount.Model(traded);
        var book = AccountBook.Create(model, CoreAccount.Portfolio(traded, funding, random));
        var orders = new (int Instrument, Side Side, double Qty, double Price)[Orders];
        for (var i = 0; i < Orders; i++)
        {
            var t = traded[random.Next(traded.Count)];
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var offset = (double)(t.Spread * t.Reference) * random.NextDouble();
            orders[i] = (model.Instrument(t.Id).Index, side, (double)(t.Lot * random.Next(1, 21)), (double)t.Reference + (side == Side.Buy ? -offset : offset));
        }

        output.WriteLine($"== core: AccountBook.Check on one thread, {duration.TotalSeconds:0.#}s after 0.5s warm-up ({traded.Count} instruments, {CoreAccount.RestingOrders} resting orders)");
        Loop(book, orders, TimeSpan.FromSeconds(0.5));
        var (checks, accepted, seconds) = Loop(book, orders, duration);
        var result = new CoreResult(
            checks,
            Math.Round(seconds, 3),
            Math.Round(checks / seconds, 0),
            Math.Round(seconds * 1e9 / checks, 1),
            Math.Round((double)accepted / checks, 4),
            $"{funding:N0} USD, {traded.Count} positions, {CoreAccount.RestingOrders} resting orders");
        output.WriteLine($"   {result.ChecksPerSecond:N0} checks/s ({result.NanosPerCheck:0} ns/check, {result.Accepted:P0} accepted)");
        return result;
    }

    private static (long Checks, long Accepted, double Seconds) Loop(AccountBook book, (int Instrument, Side Side, double Qty, double Price)[] orders, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long checks = 0, accepted = 0;
        long now;
        do
        {
            for (var i = 0; i < Batch; i++)
            {
                ref var o = ref orders[(int)(checks + i) & (Orders - 1)];
                accepted += book.Check(o.Instrument, o.Side, o.Qty, o.Price).Accepted ? 1 : 0;
            }

            checks += Batch;
            now = Stopwatch.GetTimestamp();
        }
        while (now < until);

        return (checks, accepted, (double)(now - started) / Stopwatch.Frequency);
    }
}
