using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid rulebook show</c>: Admin.GetRulebook.</summary>
internal sealed class RulebookShowCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "rulebook show",
        Summary = "the current rulebook: version, when it was loaded, its groups and assets",
        Usage = "rulebook show [--json]",
        Notes = ["With --json, prints the rulebook document itself, ready to edit and `grid rulebook load`."],
        Examples = ["grid rulebook show", "grid rulebook show --json > rulebook.json"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        invocation.Arguments.AtMost(0);
        var response = await invocation.Grid.Admin.GetRulebookAsync(new GetRulebookRequest(), invocation.Unary);
        if (invocation.Json)
        {
            invocation.Output.WriteLine(response.Json);
            return ExitCode.Ok;
        }

        Write(response.Info ?? new RulebookInfo(), invocation.Output);
        return ExitCode.Ok;
    }

    /// <summary>Writes a rulebook summary.</summary>
    public static void Write(RulebookInfo info, TextWriter writer) =>
        Table.Pairs()
            .Add("version", info.Version)
            .Add("loaded at", TimeText.Instant(info.LoadedAt))
            .Add("groups", string.Join(", ", info.Groups))
            .Add("assets", string.Join(", ", info.Assets))
            .WriteTo(writer);
}
