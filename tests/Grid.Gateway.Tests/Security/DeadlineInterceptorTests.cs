using Grid.Gateway.Security;
using Grid.Gateway.Tests.Fakes;
using Grpc.Core;
using Xunit;

namespace Grid.Gateway.Tests.Security;

public sealed class DeadlineInterceptorTests
{
    private static readonly DeadlineInterceptor Interceptor = new(TimeProvider.System);

    [Fact]
    public async Task PassedDeadline_EndsASlowCallWithDeadlineExceeded_AtOnce()
    {
        // As in grpc-dotnet, the call's token fires once its deadline has passed: here 10 ms after it. The token
        // used to be made before the deadline was read, so on a loaded CI machine it fired before the deadline.
        var deadline = DateTime.UtcNow.AddMilliseconds(50);
        using var expiry = new CancellationTokenSource(TimeSpan.FromMilliseconds(60));
        var context = new FakeCallContext("/grid.v1.Admin/GetRulebook", deadline, expiry.Token);
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>("r", context, async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return "late";
        }));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CallerCancelling_IsCancelled_AndAFastCallIsUntouched()
    {
        using var cancel = new CancellationTokenSource();
        var context = new FakeCallContext("/grid.v1.Admin/GetRulebook", DateTime.MaxValue, cancel.Token);
        var pending = Interceptor.UnaryServerHandler<string, string>("r", context, async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return "late";
        });
        await cancel.CancelAsync();
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => pending)).StatusCode);

        var fast = new FakeCallContext("/grid.v1.Admin/GetRulebook", DateTime.MaxValue, CancellationToken.None);
        Assert.Equal("ok", await Interceptor.UnaryServerHandler<string, string>("r", fast, (_, _) => Task.FromResult("ok")));
    }
}
