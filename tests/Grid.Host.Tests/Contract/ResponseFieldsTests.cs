using Google.Protobuf;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grid.Host.Tests.Kubernetes;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>
/// Every field of every PreTrade and Accounts response is set by the grid in at least one answer of
/// this scenario, or listed in docs/contract.md's "not served" table (which this test reads).
/// </summary>
[Collection(ContractHost.Name)]
public sealed class ResponseFieldsTests(ContractHostFixture grid)
{
    private readonly FieldCoverage _coverage = new();

    [Fact]
    public async Task EveryResponseField_IsSetInSomeAnswer_OrListedAsNotServed()
    {
        await PreTradeAnswers();
        await AccountAnswers();

        var expected = FieldCoverage.Fields(
            GridMessage.Descriptor, OrderDecision.Descriptor, ListReservationsResponse.Descriptor,
            BuyingPower.Descriptor, MaxOrderSize.Descriptor, WhatIfResponse.Descriptor, RegimeComparison.Descriptor,
            Api.V1.Portfolio.Descriptor, WithdrawResponse.Descriptor, AccountUpdate.Descriptor, ApplyFundingResponse.Descriptor);
        var notServed = NotServed();
        var missing = _coverage.Missing(expected.Where(f => !notServed.Contains(f)));

        Assert.True(missing.Count == 0, "never set and not in docs/contract.md's not-served table: " + string.Join(", ", missing));
        Assert.All(notServed, f => Assert.Contains(f, expected));
    }

    /// <summary>The fields docs/contract.md lists as not served: `Message.field` in the first cell of its table.</summary>
    internal static HashSet<string> NotServed()
    {
        var text = Repo.Read("docs/contract.md");
        var table = text[text.IndexOf("## Not served", StringComparison.Ordinal)..];
        return [.. table.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])];
    }

    private async Task PreTradeAnswers()
    {
        await grid.Fund("fc-a", 10_000_000);
        await grid.Fund("fc-liq", 25_000);
        await grid.Fund("fc-rate", 10_000_000);
        await using var engine = grid.Stream();
        Observe(await engine.Send(new EngineMessage { Heartbeat = new Heartbeat() }));
        Observe(await engine.Send(Fill(0, "fc-a", "pos", "t-pos", 2, 60_000, "BTC-PERP", Side.Buy)));
        Observe(await engine.Send(Check(0, "fc-a", "o1", "BTC-PERP", Side.Buy, 1, 59_900)));
        Observe(await engine.Send(Check(0, "fc-a", "o1", "BTC-PERP", Side.Buy, 1, 59_900)));
        Observe(await engine.Send(Check(0, "fc-a", "big", "BTC-PERP", Side.Buy, 1_000, 59_900)));
        var reduce = Check(0, "fc-a", "ro", "BTC-PERP", Side.Sell, 1, 60_100);
        reduce.Check.ReduceOnly = true;
        Observe(await engine.Send(reduce));
        Observe(await engine.Send(Fill(0, "fc-a", "o1", "t1", 0.4m, 59_900, "BTC-PERP", Side.Buy)));
        Observe(await engine.Send(Fill(0, "fc-a", "o1", "t1", 0.4m, 59_900, "BTC-PERP", Side.Buy)));
        Observe(await engine.Send(PreTradeContractTests.Funding("fc-a", "fund-1", "BTC-PERP", 3.5m)));
        Observe(await engine.Send(Check(0, "fc-a", "", "BTC-PERP", Side.Buy, 1, 60_000)));

        // The account's order rate: refused with a retry-after.
        await RateRefusals();

        // Into liquidation: the cancel instruction.
        Observe(await engine.Send(Check(0, "fc-liq", "resting", "ETH-PERP", Side.Sell, 1, 3_100)));
        Observe(await engine.Send(Fill(0, "fc-liq", "other", "t1", 40, 3_300, "ETH-PERP", Side.Buy)));
        Observe(await PreTradeContractTests.Eventually(() => engine.Unsolicited.FirstOrDefault(m => m.BodyCase == GridMessage.BodyOneofCase.Cancel)));

        Observe(await grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = Check(0, "fc-a", "unary", "BTC-PERP", Side.Buy, 0.1m, 59_800).Check }));
        Observe(await grid.PreTrade.ListReservationsAsync(new ListReservationsRequest { AccountIds = { "fc-a" }, PageSize = 1 }));
        Observe(await grid.PreTrade.ListReservationsAsync(new ListReservationsRequest { AccountIds = { "fc-a" } }));
    }

    private async Task AccountAnswers()
    {
        var accounts = grid.Accounts;
        Observe(await accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "demo-hedged" }));
        Observe(await accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = "demo-hedged" }));
        Observe(await OkOnlyThanksToCredits());
        Observe(await accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "fc-a" }));
        Observe(await accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "demo-mm" }));
        Observe(await accounts.WhatIfAsync(new WhatIfRequest
        {
            AccountId = "fc-a",
            Orders = { new WhatIfOrder { ClientOrderId = "w", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = Dec(1), Price = Dec(60_000) } },
        }));

        // Frozen, STD with a vertical spread (paired lines).
        var call = (await accounts.GetPortfolioAsync(new GetPortfolioRequest { AccountId = "demo-mm" })).Positions.First(p => p.InstrumentId.EndsWith("-60000-C", StringComparison.Ordinal)).InstrumentId;
        await grid.Fund("fc-std", 1_000_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "fc-std", "s", "t1", 1, 3_000, call, Side.Sell));
            await engine.Send(Fill(0, "fc-std", "l", "t2", 1, 1_500, call.Replace("-60000-C", "-65000-C", StringComparison.Ordinal), Side.Buy));
        }

        await grid.Admin.SetAccountRegimeAsync(new SetAccountRegimeRequest { AccountId = "fc-std", Regime = MarginRegime.Std, Reason = "contract test", Force = true });
        await grid.Admin.FreezeAccountAsync(new FreezeAccountRequest { AccountId = "fc-std", Reason = "contract test" });
        Observe(await accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "fc-std" }));

        Observe(await accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "fc-a", InstrumentId = "BTC-PERP", Side = Side.Buy, Price = Dec(60_000) }));
        Observe(await CappedMaxSize());

        await grid.Fund("fc-w", 1_000);
        Observe(await accounts.WithdrawAsync(new WithdrawRequest { AccountId = "fc-w", Asset = "USD", Amount = Dec(10), RequestId = "w1" }));
        Observe(await accounts.WithdrawAsync(new WithdrawRequest { AccountId = "fc-w", Asset = "USD", Amount = Dec(10), RequestId = "w1" }));
        Observe(await accounts.WithdrawAsync(new WithdrawRequest { AccountId = "fc-w", Asset = "USD", Amount = Dec(1), RequestId = "w2" }));
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "fc-w", "f", "t1", 0.01m, 60_000, "BTC-PERP", Side.Buy));
        }

        Observe(await accounts.WithdrawAsync(new WithdrawRequest { AccountId = "fc-w", Asset = "USD", Amount = Dec(950), RequestId = "w3" }));
        Observe(await accounts.ApplyFundingAsync(new ApplyFundingRequest { AccountId = "fc-a", FundingId = "op-1", InstrumentId = "BTC-PERP", Accrue = Dec(-1.25m) }));
        Observe(await accounts.ApplyFundingAsync(new ApplyFundingRequest { AccountId = "fc-a", FundingId = "op-1", InstrumentId = "BTC-PERP", Accrue = Dec(-1.25m) }));

        using var watch = accounts.Watch(new WatchAccountRequest { AccountId = "fc-a" });
        Assert.True(await watch.ResponseStream.MoveNext());
        Observe(watch.ResponseStream.Current);
    }

    /// <summary>A BTC/ETH hedge funded between its IM and its IM without credits: the dependency's margin call is set (Rulebook §5.4).</summary>
    private async Task<RegimeComparison> OkOnlyThanksToCredits()
    {
        await grid.Fund("fc-credits", 200_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Fill(0, "fc-credits", "b", "t1", 2, 60_000, "BTC-PERP", Side.Buy));
            await engine.Send(Fill(0, "fc-credits", "e", "t2", 40, 3_000, "ETH-PERP", Side.Sell));
        }

        var d = (await grid.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = "fc-credits" })).Dependency;
        var equity = Num((await grid.Accounts.GetBuyingPowerAsync(new GetBuyingPowerRequest { AccountId = "fc-credits" })).Equity);
        var target = (Num(d.InitialMargin) + Num(d.InitialMarginWithoutCredits)) / 2;
        await grid.Accounts.WithdrawAsync(new WithdrawRequest { AccountId = "fc-credits", Asset = "USD", Amount = Dec(decimal.Round(equity - target, 2)), RequestId = "fc-to-target" });
        var comparison = await grid.Accounts.CompareRegimesAsync(new CompareRegimesRequest { AccountId = "fc-credits" });
        Assert.True(Num(comparison.Dependency.CalledMargin) > 0, "OK with credits, not without");
        return comparison;
    }

    /// <summary>
    /// Bursts of checks on one account, more than a second's worth at once (a few streams, each to its window), until
    /// one is refused by the account's order rate. Sent one by one on a stream, a round trip slower than
    /// 1/OrdersPerSecond (a loaded machine) refills the bucket as fast as the checks empty it. A caller's open streams
    /// are limited (Grid:Security:MaxStreamsPerCaller): the streams are opened once.
    /// </summary>
    private async Task RateRefusals()
    {
        const int Streams = 6;
        var perStream = Math.Max(1, Math.Min(ContractHostFixture.Window, ContractHostFixture.OrdersPerSecond / Streams + 1));
        var streams = Enumerable.Range(0, Streams).Select(_ => grid.Stream()).ToList();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (var burst = 0; ; burst++)
            {
                var sent = await Task.WhenAll(streams.Select((s, i) => s.SendAll(Enumerable.Range(0, perStream)
                    .Select(j => Check(0, "fc-rate", $"r{burst}-{i}-{j}", "BTC-PERP", Side.Buy, 0.001m, 59_000)))));
                var replies = await Task.WhenAll(sent.SelectMany(r => r));
                foreach (var reply in replies)
                {
                    Observe(reply);
                }

                if (replies.Any(r => r.BodyCase == GridMessage.BodyOneofCase.Error && r.Error.Code == ErrorCode.Overloaded
                    && r.Error.Message.Contains("MaxOrdersPerSecond", StringComparison.Ordinal)))
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, "no check was refused by the account's order rate");
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>A perp so cheap that no size up to the cap (1e12) fails, on an account that can carry it.</summary>
    private async Task<MaxOrderSize> CappedMaxSize()
    {
        await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec { Id = "FC-CHEAP-PERP", Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Multiplier = Dec(1), Settlement = "USDT" },
        });
        var batch = new PriceBatch { Sequence = (ulong)DateTime.UtcNow.Ticks };
        batch.Updates.Add(new PriceUpdate { ObservedAt = Time(DateTimeOffset.UtcNow), Mark = new MarkPrice { InstrumentId = "FC-CHEAP-PERP", Price = Dec(0.0001m) } });
        await new MarketData.MarketDataClient(grid.Host.Feeder).PublishOnceAsync(batch);
        await grid.Fund("fc-capped", 100_000_000);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                return await grid.Accounts.GetMaxOrderSizeAsync(new GetMaxOrderSizeRequest { AccountId = "fc-capped", InstrumentId = "FC-CHEAP-PERP", Side = Side.Buy, Price = Dec(0.0001m) });
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    private void Observe(IMessage message) => _coverage.Observe(message);
}
