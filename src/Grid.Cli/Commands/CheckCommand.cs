using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid check</c>: PreTrade.Check, one order against the account's margin.</summary>
internal sealed class CheckCommand : ICommand
{
    private static readonly OptionSpec OrderId = new(
        "order-id", "ID", "client order id, the idempotency key with the account (default: a new cli-… id)");

    private static readonly OptionSpec ReduceOnly = new(
        "reduce-only", null, "the order may only reduce the position (rejected if it can only open or grow one)");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "check",
        Summary = "check one order against the account's margin (PreTrade.Check)",
        Usage = "check <account> <instrument> buy|sell <qty> <price> [--order-id ID] [--reduce-only]",
        Notes =
        [
            "An accepted order is reserved: it counts in the account's margin until a fill or cancel is",
            "reported. Use `grid what-if` to try orders without reserving anything.",
        ],
        Parameters =
        [
            new("<account>", "the account that trades, e.g. demo-trader"),
            new("<instrument>", "the instrument id, e.g. BTC-PERP"),
            new("buy|sell", "the order side"),
            new("<qty>", "quantity in contracts (base units for spot and stock), > 0, e.g. 0.5"),
            new("<price>", "limit price in quote units, > 0, e.g. 60000"),
        ],
        Options = [OrderId, ReduceOnly],
        Examples =
        [
            "grid check demo-trader BTC-PERP buy 0.5 60000",
            "grid check demo-margin-call BTC-PERP sell 2 60000 --reduce-only --order-id close-1",
        ],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(5);
        var order = new CheckOrder
        {
            AccountId = args.Required(0, "<account>"),
            InstrumentId = args.Required(1, "<instrument>"),
            Side = args.Choice<Side>(2, "<side>"),
            Qty = args.Positive(3, "<qty>"),
            Price = args.Positive(4, "<price>"),
            ClientOrderId = args.Option(OrderId.Name) is { } id ? ArgumentValue.Text(id, "--" + OrderId.Name) : NewOrderId(),
            ReduceOnly = args.Has(ReduceOnly.Name),
        };

        var decision = await invocation.Grid.PreTrade.CheckAsync(new CheckOrderRequest { Order = order }, invocation.Unary);
        invocation.Print(decision, DecisionView.Write);
        return ExitCode.Ok;
    }

    /// <summary>A fresh client order id: "cli-" and twelve hex digits.</summary>
    public static string NewOrderId() => "cli-" + Guid.NewGuid().ToString("N")[..12];
}
