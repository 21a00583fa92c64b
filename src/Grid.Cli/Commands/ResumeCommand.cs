using Grid.Api.V1;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid resume</c>: Admin.ResumeInstrument.</summary>
internal sealed class ResumeCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "resume",
        Summary = "resume trading in a halted instrument (a no-op when not halted)",
        Usage = "resume <instrument> [--reason TEXT]",
        Parameters = [new("<instrument>", "the instrument id, e.g. ETH-PERP")],
        Options = [OperatorReason.Option],
        Examples = ["grid resume ETH-PERP --reason \"oracle back\""],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var request = new ResumeInstrumentRequest { InstrumentId = args.Required(0, "<instrument>"), Reason = OperatorReason.Of(args) };
        var info = await invocation.Grid.Admin.ResumeInstrumentAsync(request, invocation.Unary);
        invocation.Print(info, InstrumentView.WriteOne);
        return ExitCode.Ok;
    }
}
