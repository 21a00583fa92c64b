using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Margin;

/// <summary>Every Margin.Simulate call is in the audit trail as a query: its caller, a summary of what it asked, its status and headline figures.</summary>
[Collection(GridHost.Name)]
public sealed class MarginAuditTests(GridHostFixture grid)
{
    [Fact]
    public async Task SimulateCalls_AreRecordedAsQueries_SucceededRefusedOrDenied()
    {
        var since = DateTimeOffset.UtcNow;
        var trader = new Api.V1.Margin.MarginClient(grid.Host.ChannelAs(TestKeys.Trader));
        var document = """{"balances": {"USD": 250000}, "positions": [{"instrument": "BTC-PERP", "qty": 1.5, "entry": 60000}]}""";
        var ok = await trader.SimulateAsync(new SimulateRequest { DocumentJson = document, CompareRegimes = true, CreditDependency = true });
        await Assert.ThrowsAsync<RpcException>(() => trader.SimulateAsync(new SimulateRequest { DocumentJson = "{\"positions\": 3}" }).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => new Api.V1.Margin.MarginClient(grid.Host.Engine).SimulateAsync(new SimulateRequest { DocumentJson = document }).ResponseAsync);

        var records = (await grid.Admin.QueryAuditAsync(new QueryAuditRequest { Kind = AuditKind.Query, Action = "/grid.v1.Margin/Simulate", Since = Time(since), PageSize = 1000 })).Records;

        var success = Assert.Single(records, r => r.Caller == "test-trader" && r.Status == "OK" && r.InputsJson.Contains("credit_dependency", StringComparison.Ordinal));
        Assert.Contains("\"portfolio\":\"document_json\"", success.InputsJson, StringComparison.Ordinal);
        Assert.Contains("compare_regimes", success.InputsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("BTC-PERP", success.InputsJson, StringComparison.Ordinal);
        Assert.Contains(ok.BuyingPower.InitialMargin.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), success.OutcomeJson, StringComparison.Ordinal);
        Assert.Equal("", success.AccountId);
        Assert.Single(records, r => r.Caller == "test-trader" && r.Status == "INVALID_ARGUMENT" && r.OutcomeJson.Length == 0);
        Assert.Single(records, r => r.Caller == "test-engine" && r.Status == "PERMISSION_DENIED");
        Assert.All(records, r => Assert.Equal(AuditKind.Query, r.Kind));
    }
}
