using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Risk.Supervision;

namespace Grid.Cli.Commands;

/// <summary><c>grid report</c>: Admin.StreamSupervisoryReport written as JSON Lines, CSV and the rulebook document.</summary>
internal sealed class ReportCommand : ICommand
{
    private static readonly OptionSpec Out = new("out", "DIR", "the directory to write the report into (created if needed; its report files are replaced)");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "report",
        Summary = "the supervisory report: every account and the house figures, as JSON Lines and CSV, with the rulebook",
        Usage = "report --out DIR",
        Notes =
        [
            "Rulebook §5.6. Files: " + string.Join(", ", SupervisoryReportWriter.Files) + ".",
            "Numbers are unrounded: the house figures recompute from the account lines.",
        ],
        Options = [Out],
        Examples = ["grid report --out report-2026-11-25"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var directory = args.Option(Out.Name) ?? throw new UsageException("missing --out DIR");
        using var call = invocation.Grid.Admin.StreamSupervisoryReport(new StreamSupervisoryReportRequest(), invocation.Stream);
        var house = new List<string>();
        string? rulebook = null;
        SupervisoryReportWriter writer;
        try
        {
            writer = new SupervisoryReportWriter(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write into --out '{directory}': {e.Message}");
        }

        using (writer)
        {
            while (await call.ResponseStream.MoveNext(invocation.Cancellation))
            {
                var line = call.ResponseStream.Current;
                switch (line.LineCase)
                {
                    case SupervisoryReportLine.LineOneofCase.AccountJson:
                        writer.Add(SupervisoryJsonReader.Account(line.AccountJson));
                        break;
                    case SupervisoryReportLine.LineOneofCase.HouseJson:
                        house.Add(line.HouseJson);
                        break;
                    case SupervisoryReportLine.LineOneofCase.RulebookJson:
                        rulebook = line.RulebookJson;
                        break;
                }
            }

            if (rulebook is null || house.Count == 0)
            {
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.DataLoss, "the report ended before its house lines and rulebook; the files are incomplete"));
            }

            var (generatedAt, stress, dependency) = SupervisoryJsonReader.House(house);
            writer.Complete(generatedAt, stress, dependency, rulebook);
            invocation.Output.WriteLine(
                $"report of {writer.Accounts:N0} accounts as of {stress.MarketAsOf:O} (rulebook {stress.RulebookVersion}) written to {Path.GetFullPath(directory)}");
        }

        return ExitCode.Ok;
    }
}
