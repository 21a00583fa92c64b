using Grid.Abstractions.Market;

namespace Grid.Grains.Market;

/// <summary>
/// Merges a price update into an asset's prices: the index, each forward expiry and the dividend yield
/// are price keys of their own and keep their newest observation. Invalid input is refused naming the
/// field, before anything changes.
/// </summary>
internal static class UnderlyingPriceRules
{
    /// <summary>The asset's prices with <paramref name="update"/> applied (expired forwards dropped).</summary>
    /// <exception cref="ArgumentException">An input is invalid ("field: why").</exception>
    public static UnderlyingInfo Merge(UnderlyingInfo info, UnderlyingUpdate update, DateTimeOffset now)
    {
        var latest = now + InstrumentPriceRules.MaxClockSkew;
        if (update.Index is { } price)
        {
            var at = update.IndexAt == default ? now : update.IndexAt;
            Require(price > 0, "index.price", "must be positive");
            Require(at <= latest, "observed_at", $"the index is observed in the future ({at:O})");
            info = at >= info.IndexAt ? info with { Index = price, IndexAt = at } : info;
        }

        if (update.Forwards.Count > 0)
        {
            var curve = info.Forwards.ToDictionary(f => f.Expiry);
            foreach (var f in update.Forwards)
            {
                var at = f.At == default ? now : f.At;
                Require(f.Price > 0, "forward.price", $"the forward for {f.Expiry:O} must be positive");
                Require(at <= latest, "observed_at", $"the forward for {f.Expiry:O} is observed in the future ({at:O})");
                if (!curve.TryGetValue(f.Expiry, out var old) || old.At <= at)
                {
                    curve[f.Expiry] = f with { At = at };
                }
            }

            // Expired points are dropped: nothing can reference them any more.
            info = info with { Forwards = [.. curve.Values.Where(f => f.Expiry > now).OrderBy(f => f.Expiry)] };
        }

        if (update.DividendYield is { } q)
        {
            var at = update.DividendYieldAt == default ? now : update.DividendYieldAt;
            Require(q is >= -1 and <= 1, "dividend_yield.yield", "must be in [-1, 1]");
            Require(at <= latest, "observed_at", $"the dividend yield is observed in the future ({at:O})");
            info = at >= info.DividendYieldAt ? info with { DividendYield = q, DividendYieldAt = at } : info;
        }

        return info;
    }

    private static void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field}: {message}", field);
        }
    }
}
