using System.Globalization;
using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid what-if</c>: Accounts.WhatIf, hypothetical orders checked in turn, nothing reserved.</summary>
internal sealed class WhatIfCommand : ICommand
{
    /// <summary>The most orders one what-if takes (accounts.proto).</summary>
    public const int MaxOrders = 100;

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "what-if",
        Summary = "try hypothetical orders in turn, each accepted one resting for the next; reserves nothing",
        Usage = "what-if <account> <instrument>:<buy|sell>:<qty>:<price> ...",
        Parameters =
        [
            new("<account>", "the account, e.g. demo-hedged"),
            new("<order>", $"instrument:side:qty:price, e.g. BTC-PERP:sell:5:60000; 1 to {MaxOrders} orders"),
        ],
        Examples =
        [
            "grid what-if demo-hedged BTC-PERP:sell:5:60000",
            "grid what-if demo-trader BTC-PERP:buy:1:60000 ETH-PERP:sell:20:3000",
        ],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        var request = new WhatIfRequest { AccountId = args.Required(0, "<account>") };
        args.Required(1, "<order>");
        for (var i = 1; i < args.Positionals.Count; i++)
        {
            request.Orders.Add(ParseOrder(args.Positionals[i], i.ToString(CultureInfo.InvariantCulture)));
        }

        if (request.Orders.Count > MaxOrders)
        {
            throw new UsageException($"too many orders: {request.Orders.Count}, at most {MaxOrders}");
        }

        var response = await invocation.Grid.Accounts.WhatIfAsync(request, invocation.Unary);
        invocation.Print(response, (r, w) => Write(request, r, w));
        return ExitCode.Ok;
    }

    /// <summary>Parses "instrument:side:qty:price"; the instrument is everything before the last three fields.</summary>
    public static WhatIfOrder ParseOrder(string text, string label)
    {
        var name = $"<order> '{text}'";
        var fields = text.Split(':');
        if (fields.Length < 4)
        {
            throw new UsageException($"bad {name}: expected instrument:buy|sell:qty:price, e.g. BTC-PERP:buy:1:60000");
        }

        var instrument = string.Join(':', fields[..^3]);
        return new WhatIfOrder
        {
            ClientOrderId = label,
            InstrumentId = ArgumentValue.Text(instrument, $"instrument of {name}"),
            Side = ArgumentValue.Choice<Side>(fields[^3], $"side of {name}"),
            Qty = ArgumentValue.Positive(fields[^2], $"qty of {name}"),
            Price = ArgumentValue.Positive(fields[^1], $"price of {name}"),
        };
    }

    private static void Write(WhatIfRequest request, WhatIfResponse response, TextWriter writer)
    {
        var table = new Table(
            TableColumn.Right("#"), TableColumn.Left("instrument"), TableColumn.Left("side"), TableColumn.Right("qty"),
            TableColumn.Right("price"), TableColumn.Left("decision"), TableColumn.Right("shortfall"), TableColumn.Right("IM after"),
            TableColumn.Right("available after"));
        for (var i = 0; i < response.Decisions.Count; i++)
        {
            var decision = response.Decisions[i];
            var order = i < request.Orders.Count ? request.Orders[i] : new WhatIfOrder();
            table.Add(
                decision.ClientOrderId, order.InstrumentId, EnumText.Format(order.Side), DecimalText.Plain(order.Qty),
                DecimalText.Plain(order.Price), DecisionView.Verdict(decision), DecimalText.Money(decision.Shortfall),
                DecimalText.Money(decision.InitialMarginAfter), DecimalText.Money(decision.AvailableAfter));
        }

        table.WriteTo(writer);
        if (response.BuyingPower is not null)
        {
            writer.WriteLine();
            writer.WriteLine("with the accepted orders resting:");
            BuyingPowerView.Write(response.BuyingPower, writer);
        }
    }
}
