using Grpc.Core;
using Microsoft.Extensions.Logging;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Faults;

/// <summary>Runs the body of a unary RPC and turns any failure into the RpcException the contract names.</summary>
internal static class GrainCall
{
    /// <summary>
    /// Awaits <paramref name="call"/> (validation and grain calls); a failure becomes an RpcException
    /// carrying an ErrorDetail. <paramref name="notFound"/> is the code a KeyNotFoundException maps to.
    /// </summary>
    public static async Task<T> Run<T>(Func<Task<T>> call, Wire.ErrorCode notFound, ILogger logger, string rpc)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not RpcException)
        {
            var detail = GrainFaults.Classify(e, notFound);
            if (detail.Code is Wire.ErrorCode.Unavailable or Wire.ErrorCode.Internal)
            {
                GatewayLog.GrainCallFailed(logger, rpc, detail.Code, e);
            }

            throw WireErrors.ToRpcException(detail);
        }
    }
}
