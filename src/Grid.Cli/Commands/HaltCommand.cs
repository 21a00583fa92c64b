using Grid.Api.V1;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid halt</c>: Admin.HaltInstrument.</summary>
internal sealed class HaltCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "halt",
        Summary = "halt trading in an instrument: orders that add risk are rejected",
        Usage = "halt <instrument> [--reason TEXT]",
        Notes = ["Fills, cancels and risk-reducing amendments still apply; positions are still margined."],
        Parameters = [new("<instrument>", "the instrument id, e.g. ETH-PERP")],
        Options = [OperatorReason.Option],
        Examples = ["grid halt ETH-PERP --reason \"oracle outage\""],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new HaltInstrumentRequest { InstrumentId = args.Required(0, "<instrument>"), Reason = OperatorReason.Of(args) };
        var info = await invocation.Grid.Admin.HaltInstrumentAsync(request, invocation.Unary);
        invocation.Print(info, InstrumentView.WriteOne);
        return ExitCode.Ok;
    }
}
