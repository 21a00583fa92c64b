using Grid.Api.V1;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid portfolio</c>: Accounts.GetPortfolio, positions, balances and resting orders.</summary>
internal sealed class PortfolioCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "portfolio",
        Summary = "an account's holdings: positions, balances and resting orders",
        Usage = "portfolio <account>",
        Parameters = [new("<account>", "the account, e.g. demo-mm")],
        Examples = ["grid portfolio demo-mm"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new GetPortfolioRequest { AccountId = args.Required(0, "<account>") };
        var portfolio = await invocation.Grid.Accounts.GetPortfolioAsync(request, invocation.Unary);
        invocation.Print(portfolio, Write);
        return ExitCode.Ok;
    }

    private static void Write(Portfolio portfolio, TextWriter writer)
    {
        writer.WriteLine($"account {portfolio.AccountId}  regime {EnumText.Format(portfolio.Regime)}  as of {TimeText.Instant(portfolio.AsOf)}");
        writer.WriteLine();
        writer.WriteLine(portfolio.Positions.Count == 0 ? "positions: none" : "positions:");
        if (portfolio.Positions.Count > 0)
        {
            var positions = new Table(
                TableColumn.Left("instrument"), TableColumn.Right("qty"), TableColumn.Right("entry"), TableColumn.Right("mark"),
                TableColumn.Right("value USD"), TableColumn.Right("funding USD"));
            foreach (var p in portfolio.Positions)
            {
                positions.Add(
                    p.InstrumentId, DecimalText.Plain(p.Qty), DecimalText.Plain(p.EntryPrice), DecimalText.Plain(p.MarkPrice),
                    DecimalText.Money(p.Value), DecimalText.Money(p.Funding));
            }

            positions.WriteTo(writer);
        }

        writer.WriteLine();
        writer.WriteLine(portfolio.Balances.Count == 0 ? "balances: none" : "balances:");
        if (portfolio.Balances.Count > 0)
        {
            CollateralView.Write(portfolio.Balances, writer);
        }

        writer.WriteLine();
        writer.WriteLine(portfolio.Orders.Count == 0 ? "resting orders: none" : "resting orders:");
        if (portfolio.Orders.Count > 0)
        {
            var orders = new Table(
                TableColumn.Left("order id"), TableColumn.Left("instrument"), TableColumn.Left("side"), TableColumn.Right("remaining"),
                TableColumn.Right("price"), TableColumn.Left("reduce-only"), TableColumn.Left("venue"), TableColumn.Left("reserved at"));
            foreach (var o in portfolio.Orders)
            {
                orders.Add(
                    o.ClientOrderId, o.InstrumentId, EnumText.Format(o.Side), DecimalText.Plain(o.RemainingQty), DecimalText.Plain(o.Price),
                    o.ReduceOnly ? "yes" : "no", o.VenueId.Length > 0 ? o.VenueId : DecimalText.Unset, TimeText.Instant(o.ReservedAt));
            }

            orders.WriteTo(writer);
        }
    }
}
