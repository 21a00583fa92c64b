using Grid.Api.V1;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid withdraw</c>: Accounts.Withdraw, debits a balance if the account keeps its IM.</summary>
internal sealed class WithdrawCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "withdraw",
        Summary = "debit a balance if the account keeps its initial margin afterwards",
        Usage = "withdraw <account> <asset> <amount> [--request-id ID]",
        Notes = ["A refusal is an answer (exit code 0) with the reason and the shortfall."],
        Parameters =
        [
            new("<account>", "the account, e.g. demo-trader"),
            new("<asset>", "the asset, e.g. USD"),
            new("<amount>", "amount in asset units, > 0, e.g. 2500.50"),
        ],
        Options = [DepositCommand.RequestId],
        Examples = ["grid withdraw demo-trader USD 2500.50"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(3);
        var request = new WithdrawRequest
        {
            AccountId = args.Required(0, "<account>"),
            Asset = args.Required(1, "<asset>"),
            Amount = args.Positive(2, "<amount>"),
            RequestId = DepositCommand.RequestIdOf(args),
        };

        var response = await invocation.Grid.Accounts.WithdrawAsync(request, invocation.Unary);
        invocation.Print(response, (r, w) =>
        {
            var what = $"{DecimalText.Plain(request.Amount)} {request.Asset} from {request.AccountId} (request id {request.RequestId})";
            var replayed = r.Replayed ? ", replayed" : "";
            w.WriteLine(r.Accepted
                ? $"withdrew {what}{replayed}"
                : $"refused: {EnumText.Format(r.RejectReason)}, shortfall {DecimalText.Money(r.Shortfall)}: {what}{replayed}");
            if (r.BuyingPower is not null)
            {
                BuyingPowerView.WriteSummary(r.BuyingPower, w);
            }
        });
        return ExitCode.Ok;
    }
}
