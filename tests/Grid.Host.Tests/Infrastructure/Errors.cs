using Grid.Api.V1;
using Grpc.Core;

namespace Grid.Host.Tests.Infrastructure;

/// <summary>Reads the ErrorDetail a failed call carries in grpc-status-details-bin (common.proto).</summary>
internal static class Errors
{
    /// <summary>Awaits <paramref name="call"/>, which must fail with <paramref name="status"/>; returns its ErrorDetail.</summary>
    public static async Task<ErrorDetail> Of(StatusCode status, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(e.StatusCode == status, $"expected {status}, got {e.StatusCode}: {e.Status.Detail}");
        var detail = e.GetRpcStatus()?.GetDetail<ErrorDetail>();
        Assert.True(detail is not null, $"{e.StatusCode} carries no ErrorDetail: {e.Status.Detail}");
        return detail;
    }

    /// <summary>As <see cref="Of(StatusCode, Func{Task})"/>, also checking the error code and field.</summary>
    public static async Task<ErrorDetail> Expect(StatusCode status, ErrorCode code, string field, Func<Task> call)
    {
        var detail = await Of(status, call);
        Assert.Equal((code, field), (detail.Code, detail.Field));
        return detail;
    }
}
