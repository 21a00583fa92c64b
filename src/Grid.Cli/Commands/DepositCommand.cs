using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid deposit</c>: Accounts.Deposit, credits a balance (and creates the account).</summary>
internal sealed class DepositCommand : ICommand
{
    /// <summary><c>--request-id</c>, shared with withdraw.</summary>
    public static readonly OptionSpec RequestId = new(
        "request-id", "ID", "idempotency key: repeat a call with the same id to retry it safely (default: a new UUID)");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "deposit",
        Summary = "credit a balance; the first deposit creates the account",
        Usage = "deposit <account> <asset> <amount> [--request-id ID]",
        Parameters =
        [
            new("<account>", "the account, e.g. demo-trader"),
            new("<asset>", "an asset the rulebook lists, e.g. USDT, USD, BTC"),
            new("<amount>", "amount in asset units, > 0, e.g. 10000"),
        ],
        Options = [RequestId],
        Examples = ["grid deposit demo-trader USDT 10000", "grid deposit alice BTC 0.5 --request-id 6f1c2a"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(3);
        var request = new DepositRequest
        {
            AccountId = args.Required(0, "<account>"),
            Asset = args.Required(1, "<asset>"),
            Amount = args.Positive(2, "<amount>"),
            RequestId = RequestIdOf(args),
        };

        var figures = await invocation.Grid.Accounts.DepositAsync(request, invocation.Unary);
        invocation.Print(figures, (f, w) =>
        {
            w.WriteLine($"deposited {DecimalText.Plain(request.Amount)} {request.Asset} to {request.AccountId} (request id {request.RequestId})");
            BuyingPowerView.WriteSummary(f, w);
        });
        return ExitCode.Ok;
    }

    /// <summary>The <c>--request-id</c> given, or a new UUID.</summary>
    public static string RequestIdOf(Arguments args) =>
        args.Option(RequestId.Name) is { } id ? ArgumentValue.Text(id, "--" + RequestId.Name) : Guid.NewGuid().ToString();
}
