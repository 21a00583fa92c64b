using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid freeze</c>: Admin.FreezeAccount, the account kill switch.</summary>
internal sealed class FreezeCommand : ICommand
{
    private static readonly OptionSpec CancelOrders = new(
        "cancel-orders", null, "also ask the venues to pull the account's resting orders");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "freeze",
        Summary = "freeze an account: new orders, risk-adding amendments and withdrawals are refused",
        Usage = "freeze <account> [--reason TEXT] [--cancel-orders]",
        Notes = ["Fills, cancels and deposits still apply. Freezing a frozen account only updates the reason."],
        Parameters = [new("<account>", "the account, e.g. demo-margin-call")],
        Options = [OperatorReason.Option, CancelOrders],
        Examples = ["grid freeze demo-margin-call --reason \"suspicious flow\" --cancel-orders"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new FreezeAccountRequest
        {
            AccountId = args.Required(0, "<account>"),
            Reason = OperatorReason.Of(args),
            CancelRestingOrders = args.Has(CancelOrders.Name),
        };

        var status = await invocation.Grid.Admin.FreezeAccountAsync(request, invocation.Unary);
        invocation.Print(status, AccountStatusView.Write);
        return ExitCode.Ok;
    }
}
