using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>The fuzz's judge: its own deadline cut on a server stream is an answer, a reset anywhere else is a finding.</summary>
public sealed class OutcomePolicyTests
{
    private const string Reset = "HttpProtocolException: The HTTP/2 server reset the stream. HTTP/2 error code 'CANCEL' (0x8). (HttpProtocolError)";

    [Fact]
    public void ServerStream_CutByTheFuzzDeadline_WithTheServersReset_IsNoFinding()
    {
        var input = Input("StreamSupervisoryReport");
        var result = new CallResult(StatusCode.DeadlineExceeded, "Error reading next message.", Transport: Reset);

        Assert.Null(OutcomePolicy.Judge(input, result, streaming: true));
        Assert.StartsWith("DeadlineExceeded (the fuzz's cut", OutcomePolicy.Label(input, result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StreamSupervisoryReport", StatusCode.Unavailable)]
    [InlineData("RunHouseRisk", StatusCode.DeadlineExceeded)]
    public void AResetThatIsNotTheCut_IsAFinding(string rpc, StatusCode code)
    {
        var input = Input(rpc);

        var reason = OutcomePolicy.Judge(input, new CallResult(code, "", Transport: Reset), streaming: input.Rpc.Type == MethodType.ServerStreaming);

        Assert.StartsWith("transport failure instead of a status", reason, StringComparison.Ordinal);
    }

    private static FuzzInput Input(string name)
    {
        var rpc = RpcTarget.All().Single(r => r.Service == "grid.v1.Admin" && r.Name == name);
        return new FuzzInput(rpc, 0, InputKind.Wild, [], "key", Decodable: true, Frame: null, How: "test");
    }
}
