using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>Admin.QueryAudit: its documented errors, and every AuditRecord and page field served.</summary>
[Collection(GridHost.Name)]
public sealed class AdminAuditContractTests(GridHostFixture grid)
{
    [Fact]
    public async Task QueryAudit_DocumentedErrors()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "page_token", () => Query(new QueryAuditRequest { PageToken = "%%%" }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "kind", () => Query(new QueryAuditRequest { Kind = (AuditKind)42 }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "action", () => Query(new QueryAuditRequest { Action = new string('a', 257) }));
    }

    [Fact]
    public async Task ARejectedDecision_IsRecordedWithEveryField()
    {
        await grid.Fund("e2e-aud-fields", "USD", 1_000);
        await using (var engine = grid.Stream())
        {
            await engine.Send(Check(0, "e2e-aud-fields", "too-big", "BTC-PERP", Side.Buy, 10, 60_000));
        }

        var request = new QueryAuditRequest { AccountId = "e2e-aud-fields", Kind = AuditKind.Decision, PageSize = 1 };
        var page = await Query(request);
        var record = Assert.Single(page.Records);
        Assert.Equal(("test-engine", "/grid.v1.PreTrade/Stream", AuditKind.Decision, "e2e-aud-fields", "too-big"), (record.Caller, record.Action, record.Kind, record.AccountId, record.ClientOrderId));
        Assert.Equal((Decision.Reject, RejectReason.InsufficientMargin, "OK"), (record.Decision, record.RejectReason, record.Status));
        Assert.NotEmpty(record.Id);
        Assert.NotNull(record.At);
        Assert.NotEmpty(record.Silo);
        Assert.Contains("too-big", record.InputsJson, StringComparison.Ordinal);
        Assert.Contains("shortfall", record.OutcomeJson, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.End);
        Assert.NotEmpty(page.NextPageToken);
        Assert.Equal(0UL, page.Dropped);
    }

    private Task<QueryAuditResponse> Query(QueryAuditRequest request) => grid.Admin.QueryAuditAsync(request).ResponseAsync;
}
