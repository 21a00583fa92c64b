using Grid.Abstractions.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Tests.Market;

/// <summary>Listing rules of admin.proto: changed contract terms are a failed precondition; repeats change nothing.</summary>
[Collection(GridCluster.Name)]
public sealed class InstrumentListingTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task RelistingWithAnotherExpiry_IsAFailedPrecondition_NamingTheField()
    {
        var expiry = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40).AddHours(8), TimeSpan.Zero);
        var spec = new InstrumentSpec { Id = "LIST-FUT", Kind = InstrumentKind.LinearFuture, Group = "BTC", Underlying = "BTC", Expiry = expiry, Settlement = "USDT" };
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(spec.Id);
        var listed = await grain.Upsert(spec);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Upsert(spec with { Expiry = expiry.AddDays(7) }));
        Assert.StartsWith("instrument.expiry:", e.Message, StringComparison.Ordinal);
        var multiplier = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Upsert(spec with { Multiplier = 2 }));
        Assert.StartsWith("instrument.multiplier:", multiplier.Message, StringComparison.Ordinal);
        Assert.Equal(listed, await grain.Get());

        // Limits may change; the same spec again is a no-op (nothing stored, no new version).
        var limited = await grain.Upsert(spec with { MaxPosition = 10 });
        Assert.Equal(listed.Version + 1, limited.Version);
        Assert.Equal(limited.Version, (await grain.Upsert(spec with { MaxPosition = 10 })).Version);
    }

    [Fact]
    public async Task ResumingATradingInstrument_AndRepeatingAHalt_ChangeNothing()
    {
        var id = await fixture.ListPerp("LIST-HALT-PERP", 100);
        var grain = fixture.Client.GetGrain<IInstrumentGrain>(id);
        var trading = await grain.Get();
        Assert.Equal(trading!.Version, (await grain.SetHalted(false, "not halted")).Version);

        var halted = await grain.SetHalted(true, "drill");
        Assert.Equal(halted.Version, (await grain.SetHalted(true, "drill")).Version);
        var reason = await grain.SetHalted(true, "another reason");
        Assert.Equal(("another reason", halted.Version + 1), (reason.HaltReason, reason.Version));
        Assert.False((await grain.SetHalted(false, "over")).Halted);
    }

    [Fact]
    public async Task AGroupTheRulebookLacks_IsAnInvalidField_NamedAsOnTheWire()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<IInstrumentGrain>("LIST-NOGROUP").Upsert(
            new InstrumentSpec { Id = "LIST-NOGROUP", Kind = InstrumentKind.LinearPerp, Group = "NOPE", Underlying = "BTC" }));
        Assert.StartsWith("instrument.group:", e.Message, StringComparison.Ordinal);
    }
}
