using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Cli.Connection;
using Grid.Cli.Tests.Fakes;
using Grpc.Core;

namespace Grid.Cli.Tests;

/// <summary>Failed calls print one error line (no stack trace) and exit 1; Ctrl+C during a call exits 130.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task RpcError_PrintsStatusAndDetailAndExitsOne()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetBuyingPowerRequest, BuyingPower>("Accounts", "GetBuyingPower", _ =>
            throw new RpcException(new Status(StatusCode.NotFound, "account 'bob' does not exist")));

        var result = await run.RunAsync("bp", "bob");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("error: NOT_FOUND: account 'bob' does not exist\n", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task RpcError_WithStatusDetails_AddsCodeFieldAndRetry()
    {
        var run = new CliRun();
        var detail = new ErrorDetail { Code = ErrorCode.InvalidField, Field = "check.qty", RetryAfter = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) };
        run.Grid.OnUnary<CheckOrderRequest, OrderDecision>("PreTrade", "Check", _ =>
            throw new RpcException(new Status(StatusCode.InvalidArgument, "qty is out of range"), StatusTrailer(detail)));

        var result = await run.RunAsync("check", "alice", "BTC-PERP", "buy", "1", "60000");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("error: INVALID_ARGUMENT: qty is out of range\n  code INVALID_FIELD, field check.qty, retry after 2.0s\n", result.Error);
    }

    [Fact]
    public void FindDetail_MalformedTrailer_IsIgnored()
    {
        var trailers = new Metadata { { RpcFailure.StatusDetailsTrailer, new byte[] { 0x1a, 0xff } } };

        Assert.Null(RpcFailure.FindDetail(trailers));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    [InlineData(StatusCode.OK, "OK")]
    public void StatusName_IsTheCanonicalName(StatusCode code, string expected)
    {
        Assert.Equal(expected, RpcFailure.StatusName(code));
    }

    [Fact]
    public async Task NothingListening_PrintsHowToStartTheGridAndExitsOne()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var app = new CliApp(output, error, _ => null, GridConnection.Open, new FakeClock(CliRun.Now));

        var exitCode = await app.RunAsync(["bp", "alice", "--server", "http://127.0.0.1:1"]);

        Assert.Equal(ExitCode.Failed, exitCode);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: cannot reach the grid at http://127.0.0.1:1 (", lines[0]);
        Assert.StartsWith("hint: is the grid running? start it with `dotnet run --project src/Grid.Host`", lines[1]);
    }

    [Fact]
    public async Task CtrlC_DuringAUnaryCall_ExitsInterrupted()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetBuyingPowerRequest, BuyingPower>("Accounts", "GetBuyingPower", _ =>
            throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.")));
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var result = await run.RunAsync(["bp", "alice"], interrupt.Token);

        Assert.Equal(ExitCode.Interrupted, result.ExitCode);
        Assert.Equal("interrupted\n", result.Error);
    }

    [Fact]
    public async Task Unimplemented_IsAnOrdinaryError()
    {
        var result = await new CliRun().RunAsync("instruments");

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Equal("error: UNIMPLEMENTED: no fake for /grid.v1.Admin/ListInstruments\n", result.Error);
    }

    private static Metadata StatusTrailer(ErrorDetail detail)
    {
        // google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteInt32((int)StatusCode.InvalidArgument);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString("qty is out of range");
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteMessage(Any.Pack(detail));
        output.Flush();
        return new Metadata { { RpcFailure.StatusDetailsTrailer, stream.ToArray() } };
    }
}
