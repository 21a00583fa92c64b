using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>The trail when Grid:Audit:Enabled is false: records nothing and says so when queried.</summary>
internal sealed class DisabledAuditTrail : IAuditTrail
{
    public bool CopiesOnRecord => true;

    public void Record(AuditEntry entry)
    {
    }

    public Task<Wire.QueryAuditResponse> Query(AuditQuery query, CancellationToken cancellationToken)
        => throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.FailedPrecondition, "the audit trail is disabled (Grid:Audit:Enabled=false)"));
}
