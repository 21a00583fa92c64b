using System.Text.Json.Nodes;
using Grid.Abstractions.Market;
using Grid.Grains.Market;
using Grid.Risk.Instruments;

namespace Grid.Grains.Tests.Market;

/// <summary>A rulebook version names one content; a rulebook must keep what listed instruments use.</summary>
[Collection(GridCluster.Name)]
public sealed class RulebookLoadTests(GridClusterFixture fixture)
{
    private IRulebookGrain Rulebook => fixture.Client.GetGrain<IRulebookGrain>(RulebookGrain.Key);

    [Fact]
    public async Task TheSameContentAgain_IsANoOp_SaidSo()
    {
        var current = (await Rulebook.Get())!;
        var reordered = JsonNode.Parse(current.Json)!.AsObject();
        var version = reordered["version"]!.DeepClone();
        reordered.Remove("version");
        reordered["version"] = version; // other key order and layout, same value
        var answer = await Rulebook.Load(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), dryRun: false);

        Assert.True(answer.Unchanged);
        Assert.Equal((current.Revision, current.LoadedAt), (answer.Revision, answer.LoadedAt));
        Assert.False((await Rulebook.Get())!.Unchanged);
        Assert.All(fixture.Views(), v => Assert.Equal(current.Revision, v.Frame.Rulebook.Revision));
    }

    [Fact]
    public async Task TheSameVersionWithOtherContent_IsRefusedNamingTheVersion()
    {
        var current = (await Rulebook.Get())!;
        var changed = JsonNode.Parse(current.Json)!.AsObject();
        changed["liqEndFraction"] = 0.95;

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Rulebook.Load(changed.ToJsonString(), dryRun: false));
        Assert.StartsWith($"version: rulebook {current.Version} is already loaded with other content", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Rulebook.Load(changed.ToJsonString(), dryRun: true));
        Assert.Equal(current.Revision, (await Rulebook.Get())!.Revision);
    }

    [Fact]
    public async Task ARulebookWithoutAGroupAListedInstrumentUses_IsRefusedNamingBoth()
    {
        const string option = "RB-MSFT-OPT";
        await fixture.Client.GetGrain<IInstrumentGrain>(option).Upsert(new InstrumentSpec
        {
            Id = option, Kind = InstrumentKind.Option, Group = "MSFT", Underlying = "MSFT", Strike = 400, OptionType = OptionType.Call,
            Expiry = DateTimeOffset.UtcNow.AddDays(30), Multiplier = 100, Settlement = "USD",
        });
        var current = (await Rulebook.Get())!;
        var without = JsonNode.Parse(current.Json)!.AsObject();
        without["version"] = "test-without-msft";
        without["groups"]!.AsObject().Remove("MSFT");
        without["assets"]!["MSFT"]!.AsObject().Remove("offsetGroup");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Rulebook.Load(without.ToJsonString(), dryRun: false));
        Assert.StartsWith("groups.MSFT: rulebook test-without-msft lacks group MSFT, which listed instrument", e.Message, StringComparison.Ordinal);
        Assert.Contains(option, e.Message, StringComparison.Ordinal);
        Assert.Equal(current.Revision, (await Rulebook.Get())!.Revision);
    }
}
