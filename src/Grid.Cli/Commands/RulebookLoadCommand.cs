using Grid.Api.V1;
using Grid.Cli.Parsing;

namespace Grid.Cli.Commands;

/// <summary><c>grid rulebook load</c>: Admin.LoadRulebook from a JSON file.</summary>
internal sealed class RulebookLoadCommand : ICommand
{
    private static readonly OptionSpec DryRun = new("dry-run", null, "validate only: nothing changes");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "rulebook load",
        Summary = "validate a rulebook and make it current on every node (every account is revalued)",
        Usage = "rulebook load <file.json> [--dry-run]",
        Notes = ["A field at fault comes back as its JSON path, e.g. groups.BTC.range."],
        Parameters = [new("<file.json>", "the rulebook document (the format `grid rulebook show --json` prints)")],
        Options = [DryRun],
        Examples = ["grid rulebook load rulebook.json --dry-run", "grid rulebook load rulebook.json"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var path = args.Required(0, "<file.json>");
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, invocation.Cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read <file.json> '{path}': {e.Message}");
        }

        var request = new LoadRulebookRequest { Json = json, DryRun = args.Has(DryRun.Name) };
        var info = await invocation.Grid.Admin.LoadRulebookAsync(request, invocation.Unary);
        invocation.Print(info, (i, w) =>
        {
            w.WriteLine(request.DryRun ? $"valid: rulebook {i.Version} (dry run, nothing changed)" : $"loaded: rulebook {i.Version} is current");
            RulebookShowCommand.Write(i, w);
        });
        return ExitCode.Ok;
    }
}
