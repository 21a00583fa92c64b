using Grid.Api.V1;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid unfreeze</c>: Admin.UnfreezeAccount.</summary>
internal sealed class UnfreezeCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "unfreeze",
        Summary = "lift an account's freeze (a no-op when not frozen)",
        Usage = "unfreeze <account> [--reason TEXT]",
        Parameters = [new("<account>", "the account, e.g. demo-margin-call")],
        Options = [OperatorReason.Option],
        Examples = ["grid unfreeze demo-margin-call --reason \"cleared by risk desk\""],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new UnfreezeAccountRequest { AccountId = args.Required(0, "<account>"), Reason = OperatorReason.Of(args) };
        var status = await invocation.Grid.Admin.UnfreezeAccountAsync(request, invocation.Unary);
        invocation.Print(status, AccountStatusView.Write);
        return ExitCode.Ok;
    }
}
