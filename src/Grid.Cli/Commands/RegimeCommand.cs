using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid regime</c>: Admin.SetAccountRegime, PM or STD.</summary>
internal sealed class RegimeCommand : ICommand
{
    private static readonly OptionSpec Force = new("force", null, "switch even if the account would then be in margin call");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "regime",
        Summary = "move an account between portfolio margin (pm) and standard margin (std)",
        Usage = $"regime <account> {EnumText.Choices<MarginRegime>()} [--reason TEXT] [--force]",
        Notes = ["Refused with FAILED_PRECONDITION when the account would not be OK under the new regime, unless --force."],
        Parameters =
        [
            new("<account>", "the account, e.g. demo-trader"),
            new(EnumText.Choices<MarginRegime>(), "pm: scenario portfolio margin, cross-margined; std: rule-based standard margin"),
        ],
        Options = [OperatorReason.Option, Force],
        Examples = ["grid regime demo-trader std --reason \"client request\""],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(2);
        var request = new SetAccountRegimeRequest
        {
            AccountId = args.Required(0, "<account>"),
            Regime = args.Choice<MarginRegime>(1, "<regime>"),
            Reason = OperatorReason.Of(args),
            Force = args.Has(Force.Name),
        };

        var status = await invocation.Grid.Admin.SetAccountRegimeAsync(request, invocation.Unary);
        invocation.Print(status, AccountStatusView.Write);
        return ExitCode.Ok;
    }
}
