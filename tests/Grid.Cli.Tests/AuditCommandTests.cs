using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Commands;

namespace Grid.Cli.Tests;

/// <summary>The audit trail and account verification commands.</summary>
public sealed class AuditCommandTests
{
    private static AuditRecord Record(string id, AuditKind kind, string action, string account, Decision decision = Decision.Unspecified, RejectReason reason = RejectReason.Unspecified, string status = "OK") => new()
    {
        Id = id, At = Timestamp.FromDateTimeOffset(CliRun.Now), Caller = "eng-a", Action = action, Kind = kind, AccountId = account,
        ClientOrderId = kind == AuditKind.Decision ? $"o{id}" : "", Decision = decision, RejectReason = reason, Status = status,
    };

    [Fact]
    public async Task Audit_SendsTheFilters_AndPagesUntilTheLimit()
    {
        var run = new CliRun();
        var pages = 0;
        run.Grid.OnUnary<QueryAuditRequest, QueryAuditResponse>("Admin", "QueryAudit", r =>
        {
            pages++;
            var page = new QueryAuditResponse { NextPageToken = $"t{pages}", End = false };
            page.Records.Add(Record($"{pages}", AuditKind.Decision, "/grid.v1.PreTrade/Stream", r.AccountId, Decision.Reject, RejectReason.InsufficientMargin));
            return page;
        });

        var result = await run.RunAsync("audit", "--account", "alice", "--kind", "decision", "--since", "2026-11-25T00:00:00Z", "--limit", "3");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(3, pages);
        var first = run.Grid.Calls.Select(c => (QueryAuditRequest)c.Request).First();
        Assert.Equal(("alice", AuditKind.Decision, 3u, ""), (first.AccountId, first.Kind, first.PageSize, first.PageToken));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), first.Since.ToDateTimeOffset());
        Assert.Equal("t2", ((QueryAuditRequest)run.Grid.Calls[^1].Request).PageToken);
        Assert.Contains("PreTrade/Stream", result.Output);
        Assert.Contains("REJECT INSUFFICIENT_MARGIN", result.Output);
    }

    [Fact]
    public async Task Audit_ShowsOperatorStatus_AndWarnsOfDroppedRecords()
    {
        var run = new CliRun();
        run.Grid.OnUnary<QueryAuditRequest, QueryAuditResponse>("Admin", "QueryAudit", _ =>
        {
            var page = new QueryAuditResponse { End = true, Dropped = 12 };
            page.Records.Add(Record("9", AuditKind.Admin, "/grid.v1.Admin/FreezeAccount", "bob", status: "PERMISSION_DENIED"));
            return page;
        });

        var result = await run.RunAsync("audit");

        Assert.Contains("PERMISSION_DENIED", result.Output);
        Assert.Contains("dropped 12 records", result.Output);
    }

    [Fact]
    public async Task Verify_ExitsOneWhenAnAccountDisagrees_AndListsTheProblem()
    {
        var run = new CliRun();
        run.Grid.OnUnary<VerifyAccountRequest, AccountVerification>("Admin", "VerifyAccount", r =>
        {
            var v = new AccountVerification { AccountId = r.AccountId, Consistent = r.AccountId == "good", Priced = true };
            if (!v.Consistent)
            {
                v.Problems.Add("IM: incremental 1 vs full 2");
            }

            return v;
        });

        var good = await run.RunAsync("verify", "good");
        var bad = await new CliRun().RunAsync("verify");
        var mixed = await run.RunAsync("verify", "good", "bad");

        Assert.Equal(ExitCode.Ok, good.ExitCode);
        Assert.Equal(ExitCode.Usage, bad.ExitCode);
        Assert.Equal(ExitCode.Failed, mixed.ExitCode);
        Assert.Contains("problem: IM: incremental 1 vs full 2", mixed.Output);
    }
}
