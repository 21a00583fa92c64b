using Grid.Api.V1;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid buying-power</c> (alias <c>bp</c>): Accounts.GetBuyingPower.</summary>
internal sealed class BuyingPowerCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "engine",
        Name = "buying-power",
        Aliases = ["bp"],
        Summary = "an account's margin figures, per risk group and per collateral asset",
        Usage = "buying-power <account>",
        Notes =
        [
            "equity = collateral + derivatives; available = max(0, equity - order costs - IM); health = equity - MM.",
            "IM counts resting orders; MM is positions only. Money in USD.",
        ],
        Parameters = [new("<account>", "the account, e.g. demo-hedged")],
        Examples = ["grid buying-power demo-hedged", "grid bp demo-mm --json"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new GetBuyingPowerRequest { AccountId = args.Required(0, "<account>") };
        var figures = await invocation.Grid.Accounts.GetBuyingPowerAsync(request, invocation.Unary);
        invocation.Print(figures, BuyingPowerView.Write);
        return ExitCode.Ok;
    }
}
