namespace Grid.Gateway.Validation;

/// <summary>
/// The dotted field paths of one order-like message under its prefix ("check", "order",
/// "orders[3]"), built once so the accept path never concatenates strings.
/// </summary>
internal sealed class FieldPaths(string prefix)
{
    /// <summary>A CheckOrder on the stream.</summary>
    public static readonly FieldPaths Check = new("check");

    /// <summary>An OrderFilled on the stream.</summary>
    public static readonly FieldPaths Filled = new("filled");

    /// <summary>An OrderCanceled on the stream.</summary>
    public static readonly FieldPaths Canceled = new("canceled");

    /// <summary>An OrderAmended on the stream.</summary>
    public static readonly FieldPaths Amended = new("amended");

    /// <summary>A Funding on the stream.</summary>
    public static readonly FieldPaths Funding = new("funding");

    /// <summary>The order of a unary Check call.</summary>
    public static readonly FieldPaths Order = new("order");

    public string Root { get; } = prefix;

    public string AccountId { get; } = prefix + ".account_id";

    public string ClientOrderId { get; } = prefix + ".client_order_id";

    public string InstrumentId { get; } = prefix + ".instrument_id";

    public string TradeId { get; } = prefix + ".trade_id";

    public string Side { get; } = prefix + ".side";

    public string Qty { get; } = prefix + ".qty";

    public string Price { get; } = prefix + ".price";

    public string Fee { get; } = prefix + ".fee";

    public string FundingId { get; } = prefix + ".funding_id";

    public string Accrue { get; } = prefix + ".accrue";
}
