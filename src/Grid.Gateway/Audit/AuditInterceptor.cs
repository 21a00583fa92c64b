using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grid.Gateway.Margin;
using Grid.Gateway.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// Records every operator and treasury action (instruments, rulebook, freeze, regime, deposits,
/// withdrawals and funding, house runs on demand, supervisory reports) with its caller, inputs and outcome, and every
/// margin simulation as a query (its inputs and outcome summarised), whether it succeeded or failed. Runs outside
/// authentication, so an authenticated caller refused by its role is recorded too; calls without a
/// valid key are not (they would let anyone flush the trail).
/// </summary>
internal sealed class AuditInterceptor(IAuditTrail trail, TimeProvider clock) : Interceptor
{
    private const string Simulate = "/grid.v1.Margin/Simulate";

    private static readonly HashSet<string> Audited = new(StringComparer.Ordinal)
    {
        "/grid.v1.Admin/UpsertInstrument", "/grid.v1.Admin/HaltInstrument", "/grid.v1.Admin/ResumeInstrument",
        "/grid.v1.Admin/LoadRulebook", "/grid.v1.Admin/FreezeAccount", "/grid.v1.Admin/UnfreezeAccount",
        "/grid.v1.Admin/SetAccountRegime", "/grid.v1.Accounts/Deposit", "/grid.v1.Accounts/Withdraw",
        "/grid.v1.Accounts/ApplyFunding", "/grid.v1.Admin/RunHouseRisk", "/grid.v1.Admin/StreamSupervisoryReport", Simulate,
    };

    /// <summary>True for the RPCs recorded here.</summary>
    public static bool IsAudited(string method) => Audited.Contains(method);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!Audited.Contains(context.Method))
        {
            return await continuation(request, context);
        }

        try
        {
            var response = await continuation(request, context);
            Record(context, request, response as IMessage, AuditText.Ok);
            return response;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Unauthenticated)
        {
            Record(context, request, null, AuditText.StatusName(e.StatusCode));
            throw;
        }
        catch (Exception e) when (e is not RpcException)
        {
            Record(context, request, null, AuditText.StatusName(StatusCode.Internal));
            throw;
        }
    }

    /// <summary>An audited stream (the supervisory report) is recorded when it ends: who read it, and how it ended.</summary>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!Audited.Contains(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }

        try
        {
            await continuation(request, responseStream, context);
            Record(context, request, null, AuditText.Ok);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Unauthenticated)
        {
            Record(context, request, null, AuditText.StatusName(e.StatusCode));
            throw;
        }
        catch (Exception e) when (e is not RpcException)
        {
            Record(context, request, null, AuditText.StatusName(StatusCode.Internal));
            throw;
        }
    }

    private void Record(ServerCallContext context, object? request, IMessage? outcome, string status)
    {
        var query = context.Method == Simulate;
        trail.Record(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Caller = context.UserState.TryGetValue(Caller.ContextKey, out var c) && c is Caller caller ? caller.Id : "",
            Action = context.Method,
            Kind = query ? Wire.AuditKind.Query : Wire.AuditKind.Admin,
            AccountId = AccountOf(request),
            Inputs = query && request is Wire.SimulateRequest simulate ? SimulationAudit.Inputs(simulate) : request,
            Outcome = query && outcome is Wire.SimulateResponse response ? SimulationAudit.Outcome(response) : outcome,
            Status = status,
        });
    }

    private static string AccountOf(object? request)
        => request is IMessage message && message.Descriptor.FindFieldByName("account_id") is { FieldType: FieldType.String, IsRepeated: false } field
            ? (string)field.Accessor.GetValue(message)
            : "";
}
