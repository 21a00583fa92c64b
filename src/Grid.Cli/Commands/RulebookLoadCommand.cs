using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid rulebook load</c>: Admin.LoadRulebook from a JSON file.</summary>
internal sealed class RulebookLoadCommand : ICommand
{
    private static readonly OptionSpec DryRun = new("dry-run", null, "validate only and print the impact on every account: nothing changes");
    private static readonly OptionSpec Force = new("force", null, "load (or dry-run) a rulebook the anti-procyclicality guard refuses; audited with its impact");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "rulebook load",
        Summary = "validate a rulebook and make it current on every node (every account is revalued)",
        Usage = "rulebook load <file.json> [--dry-run] [--force]",
        Notes =
        [
            "A field at fault comes back as its JSON path, e.g. groups.BTC.range.",
            "A new version's impact (house IM change, state transitions, largest increases) is computed over every account first;",
            "the guard of the rulebook in force (its apc block) refuses a change beyond its thresholds unless --force.",
        ],
        Parameters = [new("<file.json>", "the rulebook document (the format `grid rulebook show --json` prints)")],
        Options = [DryRun, Force],
        Examples = ["grid rulebook load rulebook.json --dry-run", "grid rulebook load rulebook.json", "grid rulebook load tighter.json --force"],
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

        var request = new LoadRulebookRequest { Json = json, DryRun = args.Has(DryRun.Name), Force = args.Has(Force.Name) };
        var info = await invocation.Grid.Admin.LoadRulebookAsync(request, invocation.Unary);
        invocation.Print(info, (i, w) =>
        {
            w.WriteLine(i.Unchanged ? $"unchanged: rulebook {i.Version} with this content is already current"
                : request.DryRun ? $"valid: rulebook {i.Version} (dry run, nothing changed)" : $"loaded: rulebook {i.Version} is current");
            RulebookShowCommand.Write(i, w);
            if (i.Impact is { } impact)
            {
                w.WriteLine();
                RulebookImpactText.Write(impact, w);
            }
        });
        return ExitCode.Ok;
    }
}
