using Google.Protobuf.WellKnownTypes;
using Grid.Gateway.Audit;
using Grid.Gateway.Conversion;
using Grid.Gateway.Validation;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Audit;

public sealed class AuditQueriesTests
{
    [Fact]
    public void ValidRequest_ReadsEveryFilter()
    {
        var since = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var q = AuditQueries.Read(new Wire.QueryAuditRequest
        {
            AccountId = "acc-1", Caller = "eng", Kind = Wire.AuditKind.Admin, Action = "/grid.v1.Admin/FreezeAccount",
            Since = Timestamp.FromDateTimeOffset(since), PageSize = 5000, PageToken = PageTokens.Encode("42"),
        }, 100);

        Assert.Equal(new AuditQuery("acc-1", "eng", Wire.AuditKind.Admin, "/grid.v1.Admin/FreezeAccount", since, AuditQueries.MaxPageSize, "42"), q);
        Assert.Equal(100, AuditQueries.Read(new Wire.QueryAuditRequest(), 100).PageSize);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("page_token")]
    [InlineData("since")]
    [InlineData("account_id")]
    public void BadField_IsInvalidNamingTheField(string field)
    {
        var request = field switch
        {
            "kind" => new Wire.QueryAuditRequest { Kind = (Wire.AuditKind)99 },
            "page_token" => new Wire.QueryAuditRequest { PageToken = "!!not base64!!" },
            "since" => new Wire.QueryAuditRequest { Since = new Timestamp { Seconds = long.MaxValue } },
            _ => new Wire.QueryAuditRequest { AccountId = new string('a', 1000) },
        };

        var e = Assert.Throws<InvalidFieldException>(() => AuditQueries.Read(request, 100));
        Assert.Equal(field, e.Field);
    }
}
