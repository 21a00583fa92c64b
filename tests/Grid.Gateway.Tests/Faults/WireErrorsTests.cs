using Grid.Abstractions.Engine;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Grpc.Core;
using Xunit;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Tests.Faults;

public sealed class WireErrorsTests
{
    [Theory]
    [InlineData(Wire.ErrorCode.Malformed, StatusCode.InvalidArgument)]
    [InlineData(Wire.ErrorCode.InvalidField, StatusCode.InvalidArgument)]
    [InlineData(Wire.ErrorCode.UnknownAccount, StatusCode.NotFound)]
    [InlineData(Wire.ErrorCode.UnknownInstrument, StatusCode.NotFound)]
    [InlineData(Wire.ErrorCode.UnknownAsset, StatusCode.NotFound)]
    [InlineData(Wire.ErrorCode.Overloaded, StatusCode.ResourceExhausted)]
    [InlineData(Wire.ErrorCode.Unavailable, StatusCode.Unavailable)]
    [InlineData(Wire.ErrorCode.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(Wire.ErrorCode.IdempotencyConflict, StatusCode.AlreadyExists)]
    [InlineData(Wire.ErrorCode.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(Wire.ErrorCode.Internal, StatusCode.Internal)]
    public void StatusOf_EachCode_IsTheStatusCommonProtoNames(Wire.ErrorCode code, StatusCode status)
        => Assert.Equal(status, WireErrors.StatusOf(code));

    [Fact]
    public void ToWire_EveryGrainCode_HasAWireCode()
    {
        foreach (var code in Enum.GetValues<ErrorCode>().Where(c => c != ErrorCode.None))
        {
            Assert.NotEqual(Wire.ErrorCode.Internal, WireErrors.ToWire(code));
        }

        Assert.Equal(Wire.ErrorCode.FailedPrecondition, WireErrors.ToWire(ErrorCode.UnknownOrder));
    }

    [Fact]
    public void ToRpcException_CarriesTheErrorDetailInTheStatusDetails()
    {
        var detail = WireErrors.Detail(Wire.ErrorCode.InvalidField, "amount", "amount: must be in (0, 1e15], got 0");

        var e = WireErrors.ToRpcException(detail);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("amount: must be in (0, 1e15], got 0", e.Status.Detail);
        var status = e.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal(detail, status.Details.Single().Unpack<Wire.ErrorDetail>());
    }

    [Fact]
    public void ToRpcException_MessageWithoutField_PrefixesIt()
        => Assert.Equal("asset: not listed", WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.UnknownAsset, "asset", "not listed")).Status.Detail);

    [Theory]
    [InlineData("qty: too big", "qty")]
    [InlineData("groups.BTC.range: must be positive", "groups.BTC.range")]
    [InlineData("storage write failed; nothing was applied, retry", "")]
    [InlineData("the account is reloading: retry", "")]
    public void SplitField_FieldPrefix_IsSplitOff(string message, string field)
        => Assert.Equal(field, WireErrors.SplitField(message).Field);

    [Fact]
    public void Classify_ArgumentException_NamesTheGrainsField()
    {
        var detail = GrainFaults.Classify(new ArgumentException("vol: must be in (0, 20]", "prices"), Wire.ErrorCode.UnknownInstrument);

        Assert.Equal(Wire.ErrorCode.InvalidField, detail.Code);
        Assert.Equal("vol", detail.Field);
        Assert.Equal("vol: must be in (0, 20]", detail.Message);
    }

    [Fact]
    public void Classify_ArgumentExceptionWithoutFieldPrefix_UsesTheParameter()
    {
        var detail = GrainFaults.Classify(new ArgumentException("must be positive", "amount"), Wire.ErrorCode.UnknownAccount);

        Assert.Equal("amount", detail.Field);
        Assert.Equal("must be positive", detail.Message);
    }

    [Fact]
    public void Classify_KnownFaults_MapAsTheContractSays()
    {
        Assert.Equal(Wire.ErrorCode.UnknownInstrument, GrainFaults.Classify(new KeyNotFoundException("x"), Wire.ErrorCode.UnknownInstrument).Code);
        Assert.Equal(Wire.ErrorCode.FailedPrecondition, GrainFaults.Classify(new InvalidOperationException("x"), Wire.ErrorCode.UnknownAccount).Code);
        Assert.Equal(Wire.ErrorCode.Unavailable, GrainFaults.Classify(new TimeoutException(), Wire.ErrorCode.UnknownAccount).Code);
        Assert.Equal(Wire.ErrorCode.Unavailable, GrainFaults.Classify(new SiloUnavailableException(), Wire.ErrorCode.UnknownAccount).Code);
        Assert.Equal(Wire.ErrorCode.Malformed, GrainFaults.Classify(InvalidFieldException.Malformed("json", "is required"), Wire.ErrorCode.UnknownAccount).Code);
    }
}
