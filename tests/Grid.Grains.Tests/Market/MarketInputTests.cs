using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Tests.Market;

/// <summary>
/// Every input of the risk core reaches the silo-local model through the instrument, underlying and
/// rulebook grains: the rate, dividend yields, SPAN arrays with their deltas, open interest. Inputs an
/// instrument cannot use are refused naming the field.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class MarketInputTests(GridClusterFixture fixture)
{
    private static readonly decimal[] Scenarios = [.. Enumerable.Range(0, 16).Select(i => (i - 8) * 12.5m)];

    [Fact]
    public async Task SpanArrayDeltaAndOpenInterest_ReachTheModel()
    {
        const string id = "INPUT-ES-SPAN";
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(id);
        await grain.Upsert(new InstrumentSpec { Id = id, Kind = InstrumentKind.SpanFuture, Group = "ES_SPAN", Underlying = "SPX", Multiplier = 50, Settlement = "USD" });
        var at = DateTimeOffset.UtcNow;
        await grain.PublishPrices(new InstrumentPrices { Mark = 5_400, SpanArray = Scenarios, SpanDelta = 0.97m, OpenInterest = 1_234, At = at });

        await fixture.Eventually(() => fixture.Views().All(v => v.Frame.Model.TryGetInstrument(id, out _)));
        foreach (var view in fixture.Views())
        {
            var risk = view.Frame.Model.Instrument(id);
            Assert.Equal(Scenarios.Select(v => (double)v * 50), risk.RiskArray);
            Assert.Equal(0.97 * 50, risk.Delta, 9);
            Assert.Equal(1_234, view.Frame.Model.Market.OpenInterest[id]);
        }
    }

    [Fact]
    public async Task ARiskArrayAlone_ReMarginsTheAccountsHoldingIt()
    {
        const string id = "INPUT-ES-MOVE";
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(id);
        await grain.Upsert(new InstrumentSpec { Id = id, Kind = InstrumentKind.SpanFuture, Group = "ES_SPAN", Underlying = "SPX", Multiplier = 50, Settlement = "USD" });
        await grain.PublishPrices(new InstrumentPrices { Mark = 5_400, SpanArray = [.. Scenarios.Select(v => v / 100)], At = DateTimeOffset.UtcNow });
        await fixture.Eventually(() => fixture.Views().All(v => v.Frame.Model.TryGetInstrument(id, out _)));
        var account = await fixture.Client.Funded("input-span-move", 10_000);
        await account.One(Commands.Fill("f", "t1", 2, 5_400, id, Risk.Accounts.Side.Buy));
        Assert.Equal(Risk.Accounts.AccountState.Ok, (await account.GetBuyingPower()).State);

        // Only the array moves (no price): a loss of 2 × 50 × 200 = 20,000 in scenario 0 is beyond the 10,000 held.
        await grain.PublishPrices(new InstrumentPrices { SpanArray = [.. Scenarios.Select(v => v * 2)], At = DateTimeOffset.UtcNow });
        await fixture.Eventually(() => fixture.Watches().Select(w => w.Replica("input-span-move")).Any(r => r is { State: not Risk.Accounts.AccountState.Ok }));
    }

    [Fact]
    public async Task RateAndDividendYield_ReachTheModel()
    {
        var rulebook = fixture.Client.GetGrain<IRulebookGrain>(RulebookGrain.Key);
        var spx = fixture.Client.GetGrain<IUnderlyingGrain>("SPX");
        var before = (await rulebook.Get())!.Rate;
        try
        {
            await rulebook.SetRate(0.051m);
            await spx.Publish(null, [], 0.013m, DateTimeOffset.UtcNow);
            await fixture.Eventually(() => fixture.Views().All(v => v.Frame.Model.Market.Rate == 0.051 && v.Frame.Model.Market.DivYields["SPX"] == 0.013));

            // An older observation of the rate changes nothing.
            var held = await rulebook.StoreRate(0.9m, DateTimeOffset.UtcNow.AddHours(-1));
            Assert.Equal(0.051m, held.Rate);
        }
        finally
        {
            await rulebook.SetRate(before);
            await spx.Publish(null, [], 0m, DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task InputsAnInstrumentCannotUse_AreRefusedNamingTheField()
    {
        var option = fixture.Views().First().Frame.Instruments.Values.First(i => i.Spec.Kind == InstrumentKind.Option).Spec.Id;
        var perp = await fixture.ListPerp("INPUT-PERP", 100);
        var now = DateTimeOffset.UtcNow;
        await Refused(option, new InstrumentPrices { Mark = 10, At = now }, "mark");
        await Refused(perp, new InstrumentPrices { Vol = 0.5m, At = now }, "vol");
        await Refused(perp, new InstrumentPrices { SpanArray = Scenarios, At = now }, "risk_array");
        await Refused(perp, new InstrumentPrices { SpanDelta = 1, At = now }, "span_delta");
        await Refused(perp, new InstrumentPrices { OpenInterest = -1, At = now }, "open_interest.contracts");
        await Refused(perp, new InstrumentPrices { Mark = 101, At = now.AddMinutes(5) }, "observed_at");

        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => fixture.Client.GetGrain<IUnderlyingGrain>("NOT-AN-ASSET").StorePrices(new UnderlyingUpdate { Index = 1, IndexAt = now }));
        Assert.StartsWith("asset: NOT-AN-ASSET", unknown.Message, StringComparison.Ordinal);
        var dividend = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Client.GetGrain<IUnderlyingGrain>("SPX").StorePrices(new UnderlyingUpdate { DividendYield = 2, DividendYieldAt = now }));
        Assert.StartsWith("dividend_yield.yield:", dividend.Message, StringComparison.Ordinal);
    }

    private async Task Refused(string id, InstrumentPrices prices, string field)
    {
        var before = await fixture.Client.GetGrain<IInstrumentGrain>(id).Get();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<IInstrumentGrain>(id).StorePrices(prices));
        Assert.StartsWith(field + ":", e.Message, StringComparison.Ordinal);
        Assert.Equal(before!.Version, (await fixture.Client.GetGrain<IInstrumentGrain>(id).Get())!.Version);
    }
}
