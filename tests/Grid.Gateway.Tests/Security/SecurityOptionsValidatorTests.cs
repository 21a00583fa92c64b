using Grid.Gateway.Security;
using Xunit;

namespace Grid.Gateway.Tests.Security;

public sealed class SecurityOptionsValidatorTests
{
    private static readonly string Hash = CallerDirectory.HashOf("k");

    [Fact]
    public void WellFormedKeys_Pass()
    {
        var options = new SecurityOptions { Keys = [new ApiKey { Id = "a", Sha256 = Hash, Role = GatewayRole.Admin }, new ApiKey { Id = "e", Sha256 = Hash, Role = GatewayRole.Engine, Accounts = ["*"] }] };
        Assert.True(new SecurityOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("", "valid", "Admin", "Id")]
    [InlineData("a", "not-hex", "Admin", "Sha256")]
    [InlineData("a", "valid", "Trader", "Accounts")]
    [InlineData("a", "valid", "Engine", "Accounts")]
    public void MalformedKey_FailsNamingTheSetting(string id, string sha, string role, string field)
    {
        var key = new ApiKey { Id = id, Sha256 = sha == "valid" ? Hash : sha, Role = Enum.Parse<GatewayRole>(role) };
        var result = new SecurityOptionsValidator().Validate(null, new SecurityOptions { Keys = [key] });
        Assert.True(result.Failed);
        Assert.Contains($"Keys:0:{field}", result.FailureMessage);
    }

    [Fact]
    public void DuplicateIds_NoKeysWhileEnabled_AndZeroStreams_Fail()
    {
        var twice = new SecurityOptions { Keys = [new ApiKey { Id = "a", Sha256 = Hash, Role = GatewayRole.Admin }, new ApiKey { Id = "a", Sha256 = Hash, Role = GatewayRole.Admin }] };
        Assert.Contains("Keys:1:Id", new SecurityOptionsValidator().Validate(null, twice).FailureMessage);
        Assert.Contains("Keys is empty", new SecurityOptionsValidator().Validate(null, new SecurityOptions()).FailureMessage);
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions { Enabled = false }).Succeeded);
        Assert.Contains("MaxStreamsPerCaller", new SecurityOptionsValidator().Validate(null, new SecurityOptions { Enabled = false, MaxStreamsPerCaller = 0 }).FailureMessage);
    }
}
