using Grid.Api.V1;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>buying-power, compare, portfolio, deposit and withdraw: requests and readable views.</summary>
public sealed class AccountCommandTests
{
    [Theory]
    [InlineData("buying-power")]
    [InlineData("bp")]
    public async Task BuyingPower_NameOrAlias_PrintsFiguresGroupsAndCollateral(string name)
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetBuyingPowerRequest, BuyingPower>("Accounts", "GetBuyingPower", r => BuyingPower(r.AccountId));

        var result = await run.RunAsync(name, "demo-hedged");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal("demo-hedged", run.Grid.Single<GetBuyingPowerRequest>().AccountId);
        Assert.StartsWith("account demo-hedged  regime PM  state OK (positions only OK)\n", result.Output);
        Assert.Contains("equity              400,000.00\n", result.Output);
        Assert.Contains("health              340,000.00\n", result.Output);
        Assert.Contains("group  side       scan  worst scenario     basis   SOM  concentration        delta   group IM     credit\n", result.Output);
        Assert.Contains("BTC    BIDS  90,000.00  #3 -16% up      1,200.00  0.00           0.00  -600,000.00  91,200.00  15,000.00\n", result.Output);
        Assert.Contains("USD     400000  400,000.00\n", result.Output);
    }

    [Fact]
    public async Task BuyingPower_StdAccount_AddsGroupMmAndRequirementLines()
    {
        var run = new CliRun();
        var figures = BuyingPower();
        figures.Regime = MarginRegime.Std;
        figures.Groups[0].GroupMm = D("45000");
        figures.Groups[0].StdLines.Add(new StdLine { Holding = "BTC-PERP", Qty = D("10"), InitialMargin = D("60000"), MaintenanceMargin = D("30000"), Rule = "bracket" });
        run.Grid.OnUnary<GetBuyingPowerRequest, BuyingPower>("Accounts", "GetBuyingPower", _ => figures);

        var result = await run.RunAsync("bp", "alice");

        Assert.Contains("group MM", result.Output);
        Assert.Contains("BTC    BTC-PERP   10  60,000.00  30,000.00  bracket  -\n", result.Output);
    }

    [Fact]
    public async Task Compare_PrintsSilosTotalsAndSaving()
    {
        var run = new CliRun();
        run.Grid.OnUnary<CompareRegimesRequest, RegimeComparison>("Accounts", "CompareRegimes", _ => new RegimeComparison
        {
            SiloedTotal = D("160000"),
            CrossTotal = D("100000"),
            SavingUsd = D("60000"),
            SavingPct = D("37.5"),
            Silos =
            {
                new Silo { Name = "isolated linear_perp BTC-PERP", Regime = MarginRegime.Std, Requirement = D("100000") },
                new Silo { Name = "spot wallet", Regime = MarginRegime.Unspecified, Requirement = D("0") },
            },
        });

        var result = await run.RunAsync("compare", "demo-hedged");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal("demo-hedged", run.Grid.Single<CompareRegimesRequest>().AccountId);
        Assert.Contains("isolated linear_perp BTC-PERP  STD      100,000.00\n", result.Output);
        Assert.Contains("spot wallet                    -              0.00\n", result.Output);
        Assert.Contains("saving             60,000.00\n", result.Output);
        Assert.Contains("saving %               37.5%\n", result.Output);
    }

    [Fact]
    public async Task Portfolio_PrintsPositionsBalancesAndOrders()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetPortfolioRequest, Portfolio>("Accounts", "GetPortfolio", r => new Portfolio
        {
            AccountId = r.AccountId,
            Regime = MarginRegime.Pm,
            Positions = { new Position { InstrumentId = "BTC-PERP", Qty = D("-5"), EntryPrice = D("60000"), MarkPrice = D("61000"), Value = D("-305000"), Funding = D("12.5") } },
            Orders = { new Reservation { ClientOrderId = "o-7", InstrumentId = "ETH-PERP", Side = Side.Buy, RemainingQty = D("3"), Price = D("2900"), VenueId = "venue-a" } },
        });

        var result = await run.RunAsync("portfolio", "demo-mm");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Contains("BTC-PERP     -5  60000  61000  -305,000.00        12.50\n", result.Output);
        Assert.Contains("balances: none\n", result.Output);
        Assert.Contains("o-7       ETH-PERP    BUY           3   2900  no           venue-a  -\n", result.Output);
    }

    [Fact]
    public async Task Deposit_SendsExactAmountAndAFreshRequestId()
    {
        var run = new CliRun();
        run.Grid.OnUnary<DepositRequest, BuyingPower>("Accounts", "Deposit", r => BuyingPower(r.AccountId));

        var result = await run.RunAsync("deposit", "alice", "USDT", "10000.000000001");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var request = run.Grid.Single<DepositRequest>();
        Assert.Equal(("alice", "USDT", D("10000.000000001")), (request.AccountId, request.Asset, request.Amount));
        Assert.True(Guid.TryParse(request.RequestId, out _));
        Assert.StartsWith($"deposited 10000.000000001 USDT to alice (request id {request.RequestId})\n", result.Output);
        Assert.Contains("account alice: state OK, equity 400,000.00, IM 120,000.00, MM 60,000.00, available 279,987.66\n", result.Output);
    }

    [Fact]
    public async Task Deposit_RequestId_IsSentAsGiven()
    {
        var run = new CliRun();
        run.Grid.OnUnary<DepositRequest, BuyingPower>("Accounts", "Deposit", r => BuyingPower(r.AccountId));

        await run.RunAsync("deposit", "alice", "BTC", "0.5", "--request-id", "dep-1");

        Assert.Equal("dep-1", run.Grid.Single<DepositRequest>().RequestId);
    }

    [Fact]
    public async Task Withdraw_Refused_IsAnAnswerWithReasonAndShortfall()
    {
        var run = new CliRun();
        run.Grid.OnUnary<WithdrawRequest, WithdrawResponse>("Accounts", "Withdraw", _ => new WithdrawResponse
        {
            Accepted = false,
            RejectReason = RejectReason.WithdrawalExceedsAvailable,
            Shortfall = D("2500.5"),
            BuyingPower = BuyingPower(),
        });

        var result = await run.RunAsync("withdraw", "alice", "USD", "300000", "--request-id", "w-1");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(new WithdrawRequest { AccountId = "alice", Asset = "USD", Amount = D("300000"), RequestId = "w-1" }, run.Grid.Single<WithdrawRequest>());
        Assert.StartsWith("refused: WITHDRAWAL_EXCEEDS_AVAILABLE, shortfall 2,500.50: 300000 USD from alice (request id w-1)\n", result.Output);
    }

    [Fact]
    public async Task Withdraw_Accepted_SaysSo()
    {
        var run = new CliRun();
        run.Grid.OnUnary<WithdrawRequest, WithdrawResponse>("Accounts", "Withdraw", _ => new WithdrawResponse { Accepted = true, Replayed = true });

        var result = await run.RunAsync("withdraw", "alice", "USD", "10", "--request-id", "w-2");

        Assert.Equal("withdrew 10 USD from alice (request id w-2), replayed\n", result.Output);
    }
}
