using System.Runtime.CompilerServices;
using Grid.Abstractions.House;
using Grid.Gateway.Admin;
using Grid.Gateway.Audit;
using Grid.Gateway.Tests.Fakes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Admin;

/// <summary>The house calls' documented failures that one healthy host cannot produce: a silo that does not answer, silos on different rulebooks, a report cut short.</summary>
public sealed class AdminHouseTests
{
    private static readonly ServerCallContext Context = new FakeCallContext("/grid.v1.Admin/RunHouseRisk", DateTime.MaxValue, CancellationToken.None);

    [Fact]
    public async Task RunHouseRisk_ASiloThatDoesNotAnswer_IsUnavailable_AndRulebooksThatDisagree_AFailedPreconditionNamingTheHouse()
    {
        var timeout = await Assert.ThrowsAsync<RpcException>(() => Service(House(new TimeoutException("silo S did not answer its part"))).RunHouseRisk(new(), Context));
        Assert.Equal((StatusCode.Unavailable, Wire.ErrorCode.Unavailable), (timeout.StatusCode, Detail(timeout).Code));

        var race = await Assert.ThrowsAsync<RpcException>(() => Service(House(new InvalidOperationException("house: the silos valued under different rulebooks (a, b); try again"))).RunHouseRisk(new(), Context));
        Assert.Equal((StatusCode.FailedPrecondition, Wire.ErrorCode.FailedPrecondition, "house"), (race.StatusCode, Detail(race).Code, Detail(race).Field));
    }

    [Fact]
    public async Task TheReport_CutShort_EndsWithTheStatusOfItsCause_AfterTheLinesAlreadySent()
    {
        var lines = new RecordingStreamWriter<Wire.SupervisoryReportLine>();
        var silo = await Assert.ThrowsAsync<RpcException>(() => Service(House(null), new Report(new TimeoutException("silo S did not answer"))).StreamSupervisoryReport(new(), lines, Context));
        Assert.Equal((StatusCode.Unavailable, 2), (silo.StatusCode, lines.Messages.Count));
        Assert.Equal(Wire.SupervisoryReportLine.LineOneofCase.AccountJson, lines.Messages[0].LineCase);

        var expired = await Assert.ThrowsAsync<RpcException>(() => Service(House(null), new Report(new InvalidOperationException("report: this silo's part expired"))).StreamSupervisoryReport(new(), new RecordingStreamWriter<Wire.SupervisoryReportLine>(), Context));
        Assert.Equal((StatusCode.FailedPrecondition, "report"), (expired.StatusCode, Detail(expired).Field));

        var none = await Assert.ThrowsAsync<RpcException>(() => Service(House(null)).StreamSupervisoryReport(new(), new RecordingStreamWriter<Wire.SupervisoryReportLine>(), Context));
        Assert.Equal(StatusCode.Unimplemented, none.StatusCode);
    }

    [Fact]
    public void HouseFigures_AreRoundedAgainstTheHouse_AndAnInfiniteRatioIsUnset()
    {
        var run = HouseRiskMessages.ToWire(new HouseRiskView
        {
            RulebookVersion = "v",
            GuaranteeFund = 50_000_000,
            Scenarios =
            [
                new HouseScenarioView { Scenario = "crash", TotalPnl = -10.001, TotalDeficit = 5.001, Cover1 = 5.001, Cover2 = 5.001, CoverageRatio = 2.0000000019, Top = [new StressedAccountView("a", 1.009, -5.001, -6.01, 5.001)] },
                new HouseScenarioView { Scenario = "calm", CoverageRatio = double.PositiveInfinity },
            ],
            WorstScenario = 0,
        });
        var crash = run.Scenarios[0];
        Assert.Equal((-10.01m, 5.01m, 5.01m, 2.000000001m), (Num(crash.TotalPnl), Num(crash.TotalDeficit), Num(crash.Cover2), Num(crash.CoverageRatio)));
        Assert.Equal((1.00m, -5.01m, 5.01m), (Num(crash.TopAccounts[0].Equity), Num(crash.TopAccounts[0].StressedEquity), Num(crash.TopAccounts[0].Deficit)));
        Assert.True(crash.Covered);
        Assert.Null(run.Scenarios[1].CoverageRatio);
        Assert.True(run.Scenarios[1].Covered);
        Assert.Equal("crash", run.WorstScenario);
    }

    private static decimal Num(Wire.Decimal d) => d.Units + d.Nanos / 1_000_000_000m;

    private static Wire.ErrorDetail Detail(RpcException e) => e.GetRpcStatus()!.GetDetail<Wire.ErrorDetail>()!;

    private static IGrainFactory House(Exception? failure) => FakeGrains.Create((type, _, method, _) => type == typeof(IHouseRiskGrain) && failure is not null
        ? Task.FromException<HouseRiskView>(failure)
        : throw new NotSupportedException($"{type.Name}.{method.Name}"));

    private static AdminService Service(IGrainFactory grains, ISupervisoryReports? reports = null) => new(
        grains, Options.Create(new GatewayOptions()), Options.Create(new AuditOptions()), new DisabledAuditTrail(), TimeProvider.System, [], [],
        reports is null ? [] : [reports], NullLogger<AdminService>.Instance);

    private sealed class Report(Exception failure) : ISupervisoryReports
    {
        public async IAsyncEnumerable<SupervisoryReportChunk> Stream([EnumeratorCancellation] CancellationToken cancellation)
        {
            yield return new SupervisoryReportChunk(SupervisoryReportChunkKind.Account, "{\"account\":\"a\"}");
            yield return new SupervisoryReportChunk(SupervisoryReportChunkKind.Account, "{\"account\":\"b\"}");
            await Task.Yield();
            throw failure;
        }
    }
}
