using Grid.Gateway.Security;
using Grid.Gateway.Tests.Fakes;
using Grpc.Core;
using Xunit;

namespace Grid.Gateway.Tests.Security;

public sealed class StreamQuotaTests
{
    [Fact]
    public void ExcessStreams_AreRefusedPerKey_AndSlotsComeBackOnDispose()
    {
        var quota = new StreamQuota(new FixedOptions<SecurityOptions>(new SecurityOptions { MaxStreamsPerCaller = 2 }));
        var first = quota.Take("eng");
        using var second = quota.Take("eng");
        using var otherKey = quota.Take("md");

        var refused = Assert.Throws<RpcException>(() => quota.Take("eng"));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);

        first.Dispose();
        first.Dispose();
        using var again = quota.Take("eng");
        Assert.Throws<RpcException>(() => quota.Take("eng"));
    }
}
