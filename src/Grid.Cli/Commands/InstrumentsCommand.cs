using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid instruments</c>: Admin.ListInstruments, every page.</summary>
internal sealed class InstrumentsCommand : ICommand
{
    private static readonly OptionSpec Group = new("group", "GROUP", "only this risk group, e.g. BTC; repeatable", Repeatable: true);

    private static readonly OptionSpec Kind = new(
        "kind", "KIND", $"only this kind: {EnumText.Choices<InstrumentKind>()}; repeatable", Repeatable: true);

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "instruments",
        Summary = "listed instruments with their mark, price age and halt state",
        Usage = "instruments [--group GROUP ...] [--kind KIND ...]",
        Notes = ["Reads every page; with --json, prints them as one response."],
        Options = [Group, Kind],
        Examples = ["grid instruments", "grid instruments --group BTC --kind linear-perp"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var request = new ListInstrumentsRequest();
        request.Groups.AddRange(args.Options(Group.Name).Select(g => ArgumentValue.Text(g, "--" + Group.Name)));
        request.Kinds.AddRange(ArgumentValue.Choices<InstrumentKind>(args.Options(Kind.Name), "--" + Kind.Name));

        var all = new ListInstrumentsResponse();
        do
        {
            var page = await invocation.Grid.Admin.ListInstrumentsAsync(request, invocation.Unary);
            all.Instruments.AddRange(page.Instruments);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        invocation.Print(all, (r, w) =>
        {
            if (r.Instruments.Count == 0)
            {
                w.WriteLine("no instruments");
                return;
            }

            InstrumentView.WriteList(r.Instruments, w);
        });
        return ExitCode.Ok;
    }
}
