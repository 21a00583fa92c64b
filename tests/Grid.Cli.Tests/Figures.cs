using Grid.Api.V1;
using Grid.Cli.Text;
using ProtoDecimal = Grid.Api.V1.Decimal;

namespace Grid.Cli.Tests;

/// <summary>Canned grid answers for command tests.</summary>
internal static class Figures
{
    public static ProtoDecimal D(string text) =>
        DecimalText.TryParse(text, out var value, out var error) ? DecimalText.ToProto(value) : throw new ArgumentException(error, nameof(text));

    public static BuyingPower BuyingPower(string account = "alice") => new()
    {
        AccountId = account,
        Regime = MarginRegime.Pm,
        State = AccountState.Ok,
        StatePositionsOnly = AccountState.Ok,
        Equity = D("400000"),
        CollateralValue = D("399000.5"),
        DerivativeValue = D("999.5"),
        InitialMargin = D("120000"),
        InitialMarginPositions = D("110000"),
        MaintenanceMargin = D("60000"),
        OrderCosts = D("12.34"),
        Available = D("279987.66"),
        Excess = D("279987.66"),
        Health = D("340000"),
        LiquidationEnd = D("88000"),
        CreditTotal = D("15000"),
        RulebookVersion = "2026-11-25.1",
        Groups =
        {
            new GroupRisk
            {
                Group = "BTC", Side = FillState.Bids, Scan = D("90000"), Basis = D("1200"), ShortOptionMinimum = D("0"),
                Concentration = D("0"), Delta = D("-600000"), GroupIm = D("91200"), Credit = D("15000"),
                WorstScenario = new Scenario { Index = 3, Shock = D("-0.16"), VolState = VolState.Up, Weight = D("1") },
            },
        },
        Collateral = { new CollateralLine { Asset = "USD", Balance = D("400000"), Value = D("400000") } },
    };

    public static OrderDecision Accept(string account = "alice", string orderId = "o-1") => new()
    {
        AccountId = account,
        ClientOrderId = orderId,
        Decision = Decision.Accept,
        Shortfall = D("0"),
        InitialMarginBefore = D("1000"),
        InitialMarginAfter = D("1500.5"),
        AvailableAfter = D("8499.5"),
        Equity = D("9999.99"),
        MaintenanceAfter = D("750.25"),
        AccountState = AccountState.Ok,
    };

    public static OrderDecision Reject(string orderId = "o-1") => new()
    {
        AccountId = "alice",
        ClientOrderId = orderId,
        Decision = Decision.Reject,
        RejectReason = RejectReason.InsufficientMargin,
        Shortfall = D("1234.56"),
        AccountState = AccountState.Ok,
    };
}
