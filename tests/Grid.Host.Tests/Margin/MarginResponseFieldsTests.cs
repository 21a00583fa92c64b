using Google.Protobuf;
using Grid.Api.V1;
using Grid.Host.Tests.Contract;
using Grid.Host.Tests.Infrastructure;
using Grid.Host.Tests.Kubernetes;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Margin;

/// <summary>
/// Every field of SimulateResponse (and of the messages it reuses) is set by the grid in at least one answer
/// here, or listed in docs/contract.md: as not served, or as left unset by a simulation on purpose (fields of
/// shared messages that describe an account, which a simulation has not).
/// </summary>
[Collection(ContractHost.Name)]
public sealed class MarginResponseFieldsTests(ContractHostFixture grid)
{
    private readonly FieldCoverage _coverage = new();

    private Api.V1.Margin.MarginClient Trader => new(grid.Host.ChannelAs(TestKeys.Trader));

    [Fact]
    public async Task EverySimulateResponseField_IsSetInSomeAnswer_OrListed()
    {
        foreach (var id in WireCase.Ids.Select(i => (string)i[0]))
        {
            Observe(await Trader.SimulateAsync(new SimulateRequest
            {
                DocumentJson = WireCase.Get(id).Document, MaxOrderSize = true, CompareRegimes = true, Stress = true, CreditDependency = true,
            }));
        }

        Observe(await LeavingOkWithoutCredits());
        Observe(await Capped());
        var live = MarginContractTests.Holdings(("ETH-PERP", Dec(-10)));
        Observe(await Trader.SimulateAsync(new SimulateRequest { Holdings = live, Order = new WhatIfOrder { ClientOrderId = "band", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(90_000) } }));

        var expected = FieldCoverage.Fields(SimulateResponse.Descriptor);
        var listed = ResponseFieldsTests.NotServed().Concat(UnsetBySimulation()).ToHashSet(StringComparer.Ordinal);
        var missing = _coverage.Missing(expected.Where(f => !listed.Contains(f)));

        Assert.True(missing.Count == 0, "never set and not listed in docs/contract.md: " + string.Join(", ", missing));
        Assert.All(UnsetBySimulation(), f => Assert.Contains(f, expected));
    }

    /// <summary>The fields docs/contract.md lists as left unset by Margin.Simulate.</summary>
    internal static HashSet<string> UnsetBySimulation()
    {
        var text = Repo.Read("docs/contract.md");
        var start = text.IndexOf("## Left unset by a simulation", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/contract.md has no \"Left unset by a simulation\" section");
        var section = text[start..];
        var end = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        return [.. (end < 0 ? section : section[..end]).Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])];
    }

    // A case with inter-group credits, its USD balance set so that it is OK with credits and would not be without.
    private async Task<SimulateResponse> LeavingOkWithoutCredits()
    {
        foreach (var id in WireCase.Ids.Select(i => (string)i[0]))
        {
            var doc = System.Text.Json.Nodes.JsonNode.Parse(WireCase.Get(id).Document)!;
            var first = await Trader.SimulateAsync(new SimulateRequest { DocumentJson = doc.ToJsonString(), CreditDependency = true });
            var usd = doc["input"]!["account"]!["balances"]!["USD"];
            var dependency = first.CreditDependency;
            if (usd is null || Num(first.BuyingPower.CreditTotal) < 100 || first.BuyingPower.Regime != MarginRegime.Pm)
            {
                continue;
            }

            var target = (Num(first.BuyingPower.InitialMargin) + Num(dependency.InitialMarginWithoutCredits)) / 2;
            doc["input"]!["account"]!["balances"]!["USD"] = (double)(usd.GetValue<decimal>() + target - Num(first.EquityAfterOrderCosts));
            var second = await Trader.SimulateAsync(new SimulateRequest { DocumentJson = doc.ToJsonString(), CreditDependency = true });
            if (second.CreditDependency.LeavesOk)
            {
                return second;
            }
        }

        throw new InvalidOperationException("no development case could be set between its IM with and without credits");
    }

    // So cheap a perp that no size up to the cap fails: max order size capped.
    private async Task<SimulateResponse> Capped()
    {
        var holdings = new SimulatedPortfolio { Balances = { new SimulatedBalance { Asset = "USD", Amount = Dec(1_000_000_000) } } };
        return await Trader.SimulateAsync(new SimulateRequest
        {
            Holdings = holdings,
            MarketJson = """{"asOf": "2026-11-25T08:00:00Z", "index": {"ETH": 0.0001}, "marks": {"ETH-PERP": 0.0001}}""",
            Order = new WhatIfOrder { InstrumentId = "ETH-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(0.0001m) },
            MaxOrderSize = true,
        });
    }

    private void Observe(IMessage message) => _coverage.Observe(message);
}
