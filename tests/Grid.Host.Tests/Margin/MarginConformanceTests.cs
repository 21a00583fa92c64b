using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grid.Risk.Tests;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Margin;

/// <summary>
/// Every development case and its stress figures through Margin.Simulate over gRPC against the real host,
/// sent as a trader would (the case line as the document), compared with the same comparison as the risk
/// core's conformance tests: every figure of eval, pretrade, maxOrderSize (where unique) and siloed, and
/// AE, AE′, P&amp;L and deficit per scenario, to 0.01 USD on the figures the client received.
/// </summary>
[Collection(GridHost.Name)]
public sealed class MarginConformanceTests(GridHostFixture grid)
{
    [Fact]
    public void Cases_AllThreeHundred_AreSent()
        => Assert.Equal(300, WireCase.Ids.Count());

    [Theory]
    [MemberData(nameof(WireCase.Ids), MemberType = typeof(WireCase))]
    public async Task Simulate_Case_OverTheWire_MatchesEveryExpectedFigure(string id)
    {
        var @case = WireCase.Get(id);
        var trader = new Api.V1.Margin.MarginClient(grid.Host.ChannelAs(TestKeys.Trader));
        var response = await trader.SimulateAsync(new SimulateRequest
        {
            DocumentJson = @case.Document,
            MaxOrderSize = true,
            CompareRegimes = true,
            Stress = true,
        });

        var c = new FigureComparer();
        Expect.Report(c, WireFigures.Report(response), @case.Expected.GetProperty("eval"));
        Expect.PreTrade(c, WireFigures.Decision(response), @case.Expected.GetProperty("pretrade"));
        Expect.MaxOrderSize(c, (double)Num(response.MaxOrderSize.Qty), @case.Expected.GetProperty("maxOrderSize"));
        Expect.Regimes(c, WireFigures.Regimes(response.Regimes), @case.Expected.GetProperty("siloed"), (double)Num(response.Regimes.SavingUsd), (double)Num(response.Regimes.SavingPct));
        Expect.Stress(c, [.. response.Stress.Select(s => s.Scenario)], WireFigures.Stress(response), @case.ExpectedStress);
        Assert.True(c.Count == 0, $"{id} ({@case.Category}):\n{c}");
        Assert.Equal((SimulatedSource.Request, SimulatedSource.Request, SimulatedSource.Request), (response.Basis.Rulebook, response.Basis.Instruments, response.Basis.Market));
    }
}
