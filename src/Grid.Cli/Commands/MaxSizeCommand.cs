using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid max-size</c>: Accounts.GetMaxOrderSize, the largest order that passes now.</summary>
internal sealed class MaxSizeCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "max-size",
        Summary = "the largest size of one order that passes the pre-trade check now",
        Usage = "max-size <account> <instrument> buy|sell [<price>]",
        Notes = ["Read-only: nothing is reserved. Every size up to the answer passes, to 1e-6 of a unit."],
        Parameters =
        [
            new("<account>", "the account, e.g. demo-trader"),
            new("<instrument>", "the instrument id, e.g. BTC-PERP"),
            new("buy|sell", "the order side"),
            new("<price>", "limit price in quote units, > 0; omit to use the instrument's mark"),
        ],
        Examples = ["grid max-size demo-trader BTC-PERP buy 60000", "grid max-size demo-hedged ETH-PERP sell"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(4);
        var request = new GetMaxOrderSizeRequest
        {
            AccountId = args.Required(0, "<account>"),
            InstrumentId = args.Required(1, "<instrument>"),
            Side = args.Choice<Side>(2, "<side>"),
            Price = args.Optional(3) is null ? null : args.Positive(3, "<price>"),
        };

        var size = await invocation.Grid.Accounts.GetMaxOrderSizeAsync(request, invocation.Unary);
        invocation.Print(size, (s, w) =>
        {
            var price = request.Price is null ? "the mark" : DecimalText.Plain(request.Price);
            var capped = s.Capped ? " (capped: no size up to the cap fails)" : "";
            w.WriteLine($"max {EnumText.Format(request.Side).ToLowerInvariant()} {request.InstrumentId} at {price} for {request.AccountId}: {DecimalText.Plain(s.Qty)}{capped}");
        });
        return ExitCode.Ok;
    }
}
