using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// After the fuzz, the ordinary path must still work: the original rulebook goes back in (under a new
/// version: the fuzz may have loaded others), the control market (ETH, which the fuzz never named) gets a
/// fresh price, and a fresh account is funded, gets an order accepted (unary and on a stream), and
/// reports its buying power and a consistent book.
/// </summary>
internal static class KnownGoodFlow
{
    public const string Account = "fz-good";

    /// <summary>What went wrong, one line per step; empty when the flow works.</summary>
    public static async Task<List<string>> Run(HostProcess host, FuzzVocabulary vocabulary, ITestOutputHelper output)
    {
        var problems = new List<string>();
        var admin = new Admin.AdminClient(host.Channel);
        var accounts = new Accounts.AccountsClient(host.Channel);
        var engine = new PreTrade.PreTradeClient(host.Engine);
        var deadline = () => DateTime.UtcNow.AddSeconds(30);
        await Step(problems, "restore the rulebook", async () =>
        {
            var current = await admin.GetRulebookAsync(new GetRulebookRequest(), deadline: deadline());
            if (current.Json != vocabulary.RulebookJson)
            {
                var original = JsonNode.Parse(vocabulary.RulebookJson)!.AsObject();
                original["version"] = $"fz-restore-{FuzzSettings.Seed}";
                var restored = await admin.LoadRulebookAsync(new LoadRulebookRequest { Json = original.ToJsonString() }, deadline: deadline());
                output.WriteLine($"Rulebook after the fuzz was {current.Info.Version}; restored the original as {restored.Version}");
            }
        });
        await Step(problems, "price the control market", async () =>
        {
            var now = Timestamp.FromDateTime(DateTime.UtcNow);
            var ack = await new MarketData.MarketDataClient(host.Feeder).PublishOnceAsync(
                new PriceBatch
                {
                    Sequence = 1,
                    Updates =
                    {
                        new PriceUpdate { Index = new IndexPrice { Asset = "ETH", Price = Wire.Dec(3_000m) }, ObservedAt = now },
                        new PriceUpdate { Mark = new MarkPrice { InstrumentId = "ETH-PERP", Price = Wire.Dec(3_000m) }, ObservedAt = now },
                    },
                },
                deadline: deadline());
            Assert.True(ack.Error is null && ack.Rejected.Count == 0, $"price refused: {ack}");
        });
        await Step(problems, "deposit", async () =>
        {
            var bp = await accounts.DepositAsync(new DepositRequest { AccountId = Account, Asset = "USD", Amount = Wire.Dec(100_000m), RequestId = "good-1" }, deadline: deadline());
            Near.Equal(100_000m, Wire.Num(bp.Equity), 0.01m, "equity after the deposit");
        });
        await Step(problems, "unary check accepted", async () =>
        {
            var decision = await engine.CheckAsync(new CheckOrderRequest { Order = Wire.Check(0, Account, "good-o1", "ETH-PERP", Side.Buy, 1m, 3_000m).Check }, deadline: deadline());
            Assert.True(decision.Decision == Decision.Accept, $"unary check: {decision}");
        });
        await Step(problems, "stream check accepted", async () =>
        {
            await using var stream = new EngineStream(engine);
            var reply = await stream.Send(Wire.Check(0, Account, "good-o2", "ETH-PERP", Side.Buy, 1m, 3_000m));
            Assert.True(reply.Decision?.Decision == Decision.Accept, $"stream check: {reply}");
        });
        await Step(problems, "buying power", async () =>
        {
            var bp = await accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = Account }, deadline: deadline());
            Assert.True(bp.State == AccountState.Ok && Wire.Num(bp.InitialMargin) > 0 && Wire.Num(bp.Available) > 0, $"buying power: {bp}");
            output.WriteLine($"Known-good account: equity {Wire.Num(bp.Equity)}, IM {Wire.Num(bp.InitialMargin)}, available {Wire.Num(bp.Available)}");
        });
        return problems;
    }

    private static async Task Step(List<string> problems, string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is RpcException or Xunit.Sdk.XunitException or TimeoutException)
        {
            problems.Add($"known-good flow, {name}: {e.Message}");
        }
    }
}
