using Grid.Risk.Accounts;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Tests;

/// <summary>Figures the wire promises: per-group spot order cost, STD maintenance and lines, position marks and values.</summary>
[Collection(GridCluster.Name)]
public sealed class ReportedFieldsTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task Positions_CarryTheirMarkAndValueAtMark_AndOptionsNoEntry()
    {
        var account = await fixture.Client.Funded("fields-positions", 1_000_000);
        var call = (await fixture.Client.GetGrain<Abstractions.Accounts.IAccountGrain>("demo-mm").GetPortfolio()).Positions.First(p => p.InstrumentId.EndsWith("-60000-C", StringComparison.Ordinal)).InstrumentId;
        await account.One(Commands.Fill("f1", "t1", 2, 60_500, "BTC-PERP", Side.Buy));
        await account.One(Commands.Fill("f2", "t2", 3, 3_500, call, Side.Buy));

        var positions = (await account.GetPortfolio()).Positions.ToDictionary(p => p.InstrumentId);

        Assert.Equal(60_500m, positions["BTC-PERP"].Entry);
        Assert.Equal(60_000m, positions["BTC-PERP"].MarkPrice);
        Assert.Equal(120_000m, positions["BTC-PERP"].Value);
        Assert.Equal(0m, positions[call].Entry);
        Assert.True(positions[call].MarkPrice > 0);
        Assert.InRange(positions[call].Value, Math.Round(3 * positions[call].MarkPrice, 2) - 0.02m, Math.Round(3 * positions[call].MarkPrice, 2) + 0.02m);
    }

    [Fact]
    public async Task Std_GroupsCarryTheirMaintenanceAndLines_PmDoesNot()
    {
        var account = await fixture.Client.Funded("fields-std", 1_000_000);
        await account.One(Commands.Fill("f1", "t1", 2, 60_000, "BTC-PERP", Side.Buy));

        var pm = (await account.GetBuyingPower()).Groups.Single(g => g.Group == "BTC");
        await account.SetRegime(MarginRegime.Std, force: true);
        var std = (await account.GetBuyingPower()).Groups.Single(g => g.Group == "BTC");

        Assert.Null(pm.GroupMm);
        Assert.Empty(pm.StdLines);
        Assert.True(std.GroupMm > 0);
        var line = Assert.Single(std.StdLines);
        Assert.Equal("BTC-PERP", line.Holding);
        Assert.Equal(2m, line.Qty);
        Assert.True(line.InitialMargin > 0 && line.MaintenanceMargin > 0 && line.Rule.Length > 0);
    }

    [Fact]
    public async Task SpotOrders_ShowTheirCostInTheirGroup()
    {
        var account = await fixture.Client.Funded("fields-spot", 1_000_000);
        await account.Deposit("usdt", "USDT", 100_000);
        await account.One(Commands.Check("spot", "BTC-USDT", Side.Buy, 1, 61_000));

        var btc = (await account.GetBuyingPower()).Groups.Single(g => g.Group == "BTC");

        Assert.True(btc.SpotOrderCost > 0, $"spot order cost {btc.SpotOrderCost}");
        Assert.InRange(btc.WorstWeight, 0.0001, 1);
    }
}
