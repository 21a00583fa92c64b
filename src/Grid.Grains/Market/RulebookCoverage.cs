using Grid.Abstractions.Market;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Market;

/// <summary>
/// What a new rulebook must keep of the market in use: every listed derivative's group (with a grid its
/// kind can sit in) and every spot pair's and stock's base and quote assets. A rulebook without them
/// would leave those instruments, and every position and order in them, unpriceable.
/// </summary>
internal static class RulebookCoverage
{
    /// <summary>Throws InvalidOperationException ("field: why", FAILED_PRECONDITION on the wire) naming the first gap and an instrument that needs it.</summary>
    public static void Require(Rulebook rulebook, IEnumerable<InstrumentInfo> listed)
    {
        foreach (var spec in listed.Select(i => i.Spec).OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (spec.Kind.IsCash())
            {
                RequireAsset(rulebook, spec.Underlying ?? "", spec.Id);
                RequireAsset(rulebook, spec.Quote ?? (spec.Kind == InstrumentKind.Spot ? "USDT" : "USD"), spec.Id);
                continue;
            }

            var group = spec.Group ?? "";
            if (!rulebook.Groups.TryGetValue(group, out var rule))
            {
                throw new InvalidOperationException(
                    $"groups.{group}: rulebook {rulebook.Version} lacks group {group}, which listed instrument {spec.Id} (and every position and order in it) uses");
            }

            if ((rule.Grid == GridKind.Span16) != (spec.Kind == InstrumentKind.SpanFuture))
            {
                throw new InvalidOperationException(
                    $"groups.{group}.grid: in rulebook {rulebook.Version} group {group} is a {rule.Grid} group, where listed instrument {spec.Id} ({spec.Kind.ToWire()}) cannot be margined");
            }
        }
    }

    private static void RequireAsset(Rulebook rulebook, string asset, string instrumentId)
    {
        if (!rulebook.Assets.ContainsKey(asset))
        {
            throw new InvalidOperationException(
                $"assets.{asset}: rulebook {rulebook.Version} lacks asset {asset}, which listed instrument {instrumentId} trades");
        }
    }
}
