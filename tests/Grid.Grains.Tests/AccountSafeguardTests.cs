using System.Diagnostics;
using Grid.Abstractions.Engine;
using Grid.Grains.Accounts;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Xunit.Abstractions;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;

namespace Grid.Grains.Tests;

/// <summary>The per-account order rate limit, and verification of the live book against a full recompute.</summary>
[Collection(GridCluster.Name)]
public sealed class AccountSafeguardTests(GridClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OrdersBeyondTheRate_AreRefusedOverloaded_ReduceOnlyAndCancelsAreNot()
    {
        var account = await fixture.Client.Funded("safe-rate", 10_000_000);
        var limit = new AccountOptions().MaxOrdersPerSecond;

        // Three seconds' worth of orders in one batch. The bucket refills while the batch runs: how many pass depends
        // on how long the grain takes (a loaded machine takes longer), so the count is bounded by the time the batch
        // took as the caller saw it, never by a fixed window.
        var batch = new List<EngineCommand>();
        for (var i = 0; i < 3 * limit; i++)
        {
            batch.Add(Commands.Check($"r{i}", "BTC-PERP", Side.Buy, 0.001m, 59_000) with { CorrelationId = (ulong)batch.Count + 1 });
            batch.Add(Commands.Cancel($"r{i}") with { CorrelationId = (ulong)batch.Count + 1 });
        }

        batch.Add(Commands.Check("reduce", "BTC-PERP", Side.Sell, 0.001m, 61_000, reduceOnly: true) with { CorrelationId = (ulong)batch.Count + 1 });
        var clock = Stopwatch.StartNew();
        var replies = await account.Execute([.. batch]);
        var took = clock.Elapsed;

        var checks = replies.Where(r => r.Command == CommandKind.Check && r.ClientOrderId != "reduce").ToList();
        var throttled = checks.Where(r => r.Kind == ReplyKind.Error).ToList();
        var passed = checks.Count - throttled.Count;
        output.WriteLine($"{passed} of {checks.Count} orders passed in {took.TotalMilliseconds:N0} ms at {limit}/s");
        Assert.NotEmpty(throttled);
        Assert.True(passed >= limit, $"{passed} orders passed: the bucket starts with a second's worth ({limit})");
        Assert.True(passed <= limit + Math.Ceiling(took.TotalSeconds * limit), $"{passed} orders passed in {took.TotalMilliseconds:N0} ms at {limit}/s");
        Assert.All(throttled, r => Assert.Equal(ErrorCode.Overloaded, r.Error));
        Assert.All(checks.Where(r => r.Kind != ReplyKind.Error), r => Assert.Equal(Decision.Accept, r.Decision));
        Assert.All(throttled, r => Assert.True(r.RetryAfter > TimeSpan.Zero && r.RetryAfter <= TimeSpan.FromSeconds(1)));
        Assert.All(replies.Where(r => r.Command == CommandKind.Cancel), r => Assert.Equal(ReplyKind.Ack, r.Kind));
        Assert.Equal(ReplyKind.Decision, replies[^1].Kind);

        // A refused order was not remembered: the same id passes once the bucket has refilled.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var again = await account.One(Commands.Check(throttled[0].ClientOrderId, "BTC-PERP", Side.Buy, 0.001m, 59_000));
        Assert.True(again.Decision == Decision.Accept, $"{again.Reason} {again.Message}");
        Assert.False(again.Replayed);
    }

    [Fact]
    public async Task Verify_AfterMixedTrading_LiveBookEqualsFullRecompute()
    {
        var account = await fixture.Client.Funded("safe-verify", 1_000_000);
        await account.Execute(
        [
            Commands.Check("v1", "BTC-PERP", Side.Buy, 2, 60_000),
            Commands.Fill("v1", "t1", 1, 60_000),
            Commands.Check("v2", "ETH-PERP", Side.Sell, 10, 3_100),
            Commands.Amend("v2", 5, 3_100),
            Commands.Check("v3", "BTC-PERP", Side.Sell, 1, 61_000),
            Commands.Cancel("v3"),
        ]);

        var verification = await account.Verify();

        Assert.True(verification.Consistent, string.Join("; ", verification.Problems));
        Assert.True(verification.Priced);
        Assert.True(verification.InitialMargin > 0);
        Assert.Equal(verification.InitialMargin, verification.InitialMarginRecomputed);
        Assert.Equal(verification.Equity, verification.EquityRecomputed);
        Assert.Equal((await account.GetPortfolio()).StateHash, verification.StateHash);
    }

    [Fact]
    public void Verify_ReportsACorruptRecord()
    {
        var view = fixture.Views().First();
        var record = new AccountRecord();
        record.Balances["USD"] = 100_000;
        record.Orders.Add(new OrderRecord { ClientOrderId = "dup", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 1, Price = 60_000 });
        record.Orders.Add(new OrderRecord { ClientOrderId = "dup", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = -1, Price = 60_000 });
        var processor = new AccountProcessor("corrupt", record, () => view.Frame, new AccountOptions(), TimeProvider.System);

        var verification = processor.Verify();

        Assert.False(verification.Consistent);
        Assert.Contains(verification.Problems, p => p.Contains("rests twice", StringComparison.Ordinal));
        Assert.Contains(verification.Problems, p => p.Contains("qty -1", StringComparison.Ordinal));
    }
}
