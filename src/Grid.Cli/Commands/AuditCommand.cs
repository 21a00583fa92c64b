using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid audit</c>: Admin.QueryAudit, oldest first.</summary>
internal sealed class AuditCommand : ICommand
{
    /// <summary>Records shown when <c>--limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    private static readonly OptionSpec Account = new("account", "ID", "only this account");
    private static readonly OptionSpec Caller = new("caller", "KEY-ID", "only this caller (API key id)");
    private static readonly OptionSpec Kind = new("kind", "KIND", $"only decisions or admin actions ({EnumText.Choices<AuditKind>()})");
    private static readonly OptionSpec Since = new("since", "INSTANT", "only records at or after this time (ISO 8601)");
    private static readonly OptionSpec Limit = new("limit", "N", $"show at most N records (default {DefaultLimit})");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "audit",
        Summary = "the audit trail: pre-trade decisions and operator actions with their callers",
        Usage = "audit [--account ID] [--caller KEY-ID] [--kind KIND] [--since INSTANT] [--limit N]",
        Options = [Account, Caller, Kind, Since, Limit],
        Examples = ["grid audit --account demo-trader", "grid audit --kind admin --since 2026-11-25T00:00:00Z"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var limit = args.Option(Limit.Name) is { } text ? ArgumentValue.Count(text, "--" + Limit.Name) : DefaultLimit;
        var request = new QueryAuditRequest
        {
            AccountId = args.Option(Account.Name) ?? "",
            Caller = args.Option(Caller.Name) ?? "",
            Kind = args.Option(Kind.Name) is { } kind ? ArgumentValue.Choice<AuditKind>(kind, "--" + Kind.Name) : AuditKind.Unspecified,
            Since = args.Option(Since.Name) is { } since ? ArgumentValue.Instant(since, "--" + Since.Name) : null,
            PageSize = (uint)Math.Min(limit, 1000),
        };

        var all = new QueryAuditResponse();
        QueryAuditResponse page;
        do
        {
            page = await invocation.Grid.Admin.QueryAuditAsync(request, invocation.Unary);
            all.Records.AddRange(page.Records.Take(limit - all.Records.Count));
            all.Dropped = page.Dropped;
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
        while (!page.End && all.Records.Count < limit);

        invocation.Print(all, Write);
        return ExitCode.Ok;
    }

    private static void Write(QueryAuditResponse response, TextWriter writer)
    {
        if (response.Records.Count == 0)
        {
            writer.WriteLine("no audit records");
        }
        else
        {
            var table = new Table(
                TableColumn.Left("at"), TableColumn.Left("caller"), TableColumn.Left("action"), TableColumn.Left("account"),
                TableColumn.Left("order"), TableColumn.Left("outcome"));
            foreach (var r in response.Records)
            {
                var outcome = r.Kind == AuditKind.Decision
                    ? r.Decision == Decision.Reject ? $"REJECT {EnumText.Format(r.RejectReason)}" : EnumText.Format(r.Decision)
                    : r.Status;
                table.Add(TimeText.Instant(r.At), r.Caller, r.Action.Replace("/grid.v1.", "", StringComparison.Ordinal), r.AccountId, r.ClientOrderId, outcome);
            }

            table.WriteTo(writer);
        }

        if (response.Dropped > 0)
        {
            writer.WriteLine($"warning: the trail dropped {response.Dropped} records (see the silo log, event 3102)");
        }
    }
}
