using Grid.Gateway.Security;
using Grid.Gateway.Tests.Fakes;
using Xunit;

namespace Grid.Gateway.Tests.Security;

public sealed class CallerDirectoryTests
{
    private static CallerDirectory Directory(params ApiKey[] keys) => new(new FixedOptions<SecurityOptions>(new SecurityOptions { Keys = [.. keys] }));

    [Fact]
    public void KnownKey_ResolvesToItsIdRoleAndScope()
    {
        var callers = Directory(
            new ApiKey { Id = "eng", Sha256 = CallerDirectory.HashOf("s3cret"), Role = GatewayRole.Engine, Accounts = ["venue-a-*"] },
            new ApiKey { Id = "ops", Sha256 = CallerDirectory.HashOf("other"), Role = GatewayRole.Admin });

        var caller = callers.Find("s3cret");

        Assert.NotNull(caller);
        Assert.Equal("eng", caller.Id);
        Assert.Equal(GatewayRole.Engine, caller.Role);
        Assert.True(caller.MayAct("venue-a-9"));
        Assert.False(caller.MayAct("venue-b-9"));
        Assert.Equal("ops", callers.Find("other")!.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S3CRET")]
    [InlineData("s3cret ")]
    public void UnknownOrEmptyKey_ResolvesToNobody(string? presented)
    {
        var callers = Directory(new ApiKey { Id = "eng", Sha256 = CallerDirectory.HashOf("s3cret"), Role = GatewayRole.Engine, Accounts = ["*"] });
        Assert.Null(callers.Find(presented));
    }

    [Fact]
    public void HugeKey_IsRefusedWithoutHashing()
    {
        var huge = new string('k', 10_000);
        var callers = Directory(new ApiKey { Id = "eng", Sha256 = CallerDirectory.HashOf(huge), Role = GatewayRole.Engine, Accounts = ["*"] });
        Assert.Null(callers.Find(huge));
    }

    [Fact]
    public void HashOf_IsLowerHexSha256()
    {
        Assert.Equal("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", CallerDirectory.HashOf("secret"));
    }
}
