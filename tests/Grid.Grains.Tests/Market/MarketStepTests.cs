using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Instruments;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Market;

/// <summary>
/// A price batch is one market step: stored without being shown, then applied in one swap on the silo
/// that publishes it (before Publish returns) and as one change set on the others.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class MarketStepTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task StoredPrices_AreNotShown_UntilTheStepIsPublished_ThenWholeOnEverySilo()
    {
        var a = await fixture.ListPerp("STEP-A-PERP", 100);
        var b = await fixture.ListPerp("STEP-B-PERP", 100);
        var other = fixture.Views().Last();
        var halves = 0;
        void Watch(MarketFrame frame)
        {
            var moved = new[] { a, b }.Count(id => frame.Model.TryGetInstrument(id, out var i) && frame.Model.Instruments[i].Mark == 200);
            halves += moved == 1 ? 1 : 0;
        }

        other.FrameChanged += Watch;
        try
        {
            var at = DateTimeOffset.UtcNow;
            var stored = await Task.WhenAll(new[] { a, b }.Select(id => fixture.Client.GetGrain<IInstrumentGrain>(id).StorePrices(new InstrumentPrices { Mark = 200, At = at })));
            Assert.All(fixture.Views(), v => Assert.Equal(100, v.Frame.Model.Instrument(a).Mark));

            var here = fixture.Views().First();
            await fixture.Steps(0).Publish([.. stored.Select(i => new MarketChange { Instrument = i })]);
            Assert.Equal((200.0, 200.0), (here.Frame.Model.Instrument(a).Mark, here.Frame.Model.Instrument(b).Mark));
            await fixture.Eventually(() => other.Frame.Model.Instrument(a).Mark == 200 && other.Frame.Model.Instrument(b).Mark == 200);
        }
        finally
        {
            other.FrameChanged -= Watch;
        }

        Assert.Equal(0, halves);
    }

    [Fact]
    public async Task TheFrameInstant_IsTheNewestObservation_AndOptionTimeToExpiryRunsFromItsGroupsInstant()
    {
        var perp = await fixture.ListPerp("STEP-T-PERP", 100);
        var at = Later(fixture.Views().Max(v => v.Frame.AsOf));
        await fixture.Client.GetGrain<IInstrumentGrain>(perp).PublishPrices(new InstrumentPrices { Mark = 101, At = at });
        await fixture.Eventually(() => fixture.Views().All(v => v.Frame.AsOf == at));

        foreach (var view in fixture.Views())
        {
            var frame = view.Frame;
            Assert.True(frame.Model.TryGetGroup("ETH", out var eth));
            Assert.Equal(at, frame.Model.Groups[eth].Instant);
            Assert.Equal(at, frame.GroupInputTimes[eth]);
            var options = frame.Model.Instruments.Where(i => i.Spec.Kind == InstrumentKind.Option).ToList();
            Assert.NotEmpty(options);
            foreach (var option in options)
            {
                // Each group's options age with the group's own newest observation, not with the perp's tick elsewhere.
                var instant = frame.Model.Groups[option.Group].Instant;
                Assert.True(instant <= at);
                Assert.Equal((option.Spec.Expiry!.Value - instant).TotalDays / 365.0, option.Years, 12);
            }
        }
    }

    [Fact]
    public async Task Figures_ReportTheFrameInstant_NotTheQueryTime()
    {
        var perp = await fixture.ListPerp("STEP-F-PERP", 1_000);
        var account = await fixture.Client.Funded("step-figures", 50_000);
        await account.One(Commands.Fill("f", "t1", 1, 1_000, perp, Risk.Accounts.Side.Buy));
        var at = Later(fixture.Views().Max(v => v.Frame.AsOf));
        await fixture.Client.GetGrain<IInstrumentGrain>(perp).PublishPrices(new InstrumentPrices { Mark = 1_010, At = at });
        await fixture.Eventually(() => fixture.Views().All(v => v.Frame.AsOf == at));
        await Task.Delay(20);

        Assert.Equal(at, (await account.GetBuyingPower()).AsOf);
        Assert.Equal(at, (await account.GetPortfolio()).AsOf);
        Assert.Equal(at, (await account.CompareRegimes()).AsOf);
        Assert.Equal(at, (await account.GetMaxOrderSize(perp, Risk.Accounts.Side.Buy, 1_010)).AsOf);
        Assert.Equal(at, (await account.WhatIf([new Abstractions.Accounts.OrderIntent(perp, Risk.Accounts.Side.Buy, 1, 1_010)])).After.AsOf);
    }

    // An instant after everything the shared market holds, so that it becomes the newest observation.
    private static DateTimeOffset Later(DateTimeOffset held)
    {
        var now = DateTimeOffset.UtcNow;
        return now > held ? now : held.AddMilliseconds(1);
    }
}
