using Grid.Abstractions.House;
using Grid.Gateway.Faults;
using Grpc.Core;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

internal sealed partial class AdminService
{
    /// <summary>Key of the house grain.</summary>
    public const string HouseKey = "house";

    public override Task<Wire.HouseRiskRun> RunHouseRisk(Wire.RunHouseRiskRequest request, ServerCallContext context)
        => GrainCall.Run(async () => HouseRiskMessages.ToWire(await House().Run(HouseRunTrigger.OnDemand)), Wire.ErrorCode.FailedPrecondition, logger, "Admin.RunHouseRisk");

    public override Task<Wire.HouseRiskRun> GetHouseRisk(Wire.GetHouseRiskRequest request, ServerCallContext context)
        => GrainCall.Run(
            async () => HouseRiskMessages.ToWire(await House().Latest()
                ?? throw new InvalidOperationException("house: no house run has completed yet; RunHouseRisk runs one now")),
            Wire.ErrorCode.FailedPrecondition,
            logger,
            "Admin.GetHouseRisk");

    public override async Task StreamSupervisoryReport(
        Wire.StreamSupervisoryReportRequest request, IServerStreamWriter<Wire.SupervisoryReportLine> responseStream, ServerCallContext context)
    {
        var source = reports.FirstOrDefault()
            ?? throw new RpcException(new Status(StatusCode.Unimplemented, "this node hosts no silo: the supervisory report is served by the grid's nodes"));
        try
        {
            await foreach (var chunk in source.Stream(context.CancellationToken))
            {
                await responseStream.WriteAsync(Line(chunk), context.CancellationToken);
            }
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The reader left or its deadline passed (grpc-dotnet has then set DEADLINE_EXCEEDED): its silos
            // drop their parts. Whatever the cancelled part threw (a grain call cut short surfaces as an
            // Orleans exception, not always as a cancellation), there is nobody left to answer: throwing here
            // would only make the server reset the HTTP/2 stream instead of ending it with its status.
        }
        catch (Exception e) when (e is not RpcException)
        {
            var detail = GrainFaults.Classify(e, Wire.ErrorCode.FailedPrecondition);
            if (detail.Code is Wire.ErrorCode.Unavailable or Wire.ErrorCode.Internal)
            {
                GatewayLog.GrainCallFailed(logger, "Admin.StreamSupervisoryReport", detail.Code, e);
            }

            throw WireErrors.ToRpcException(detail);
        }
    }

    private static Wire.SupervisoryReportLine Line(SupervisoryReportChunk chunk) => chunk.Kind switch
    {
        SupervisoryReportChunkKind.Account => new Wire.SupervisoryReportLine { AccountJson = chunk.Json },
        SupervisoryReportChunkKind.House => new Wire.SupervisoryReportLine { HouseJson = chunk.Json },
        _ => new Wire.SupervisoryReportLine { RulebookJson = chunk.Json },
    };

    private IHouseRiskGrain House() => grains.GetGrain<IHouseRiskGrain>(HouseKey);
}
