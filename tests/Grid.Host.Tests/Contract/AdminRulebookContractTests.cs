using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>admin.proto's rulebook calls: a version names one content; a rulebook keeps what listed instruments use.</summary>
[Collection(GridHost.Name)]
public sealed class AdminRulebookContractTests(GridHostFixture grid)
{
    [Fact]
    public async Task LoadRulebook_BadDocuments_AreInvalidArgumentsNamingTheField()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.Malformed, "json", () => Load("", dryRun: true));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.Malformed, "json", () => Load("{ not json", dryRun: true));
        var bad = await Current();
        bad["version"] = "e2e-bad-range";
        bad["groups"]!["BTC"]!["range"] = -1;
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "groups.BTC.range", () => Load(bad.ToJsonString(), dryRun: false));
    }

    [Fact]
    public async Task TheVersionInForce_WithOtherContent_IsRefusedNamingIt_AndWithTheSameContent_ChangesNothing()
    {
        var current = await grid.Admin.GetRulebookAsync(new GetRulebookRequest());
        Assert.NotEmpty(current.Json);
        Assert.NotNull(current.Info.LoadedAt);
        var other = JsonNode.Parse(current.Json)!.AsObject();
        other["liqEndFraction"] = 0.93;
        var e = await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "version", () => Load(other.ToJsonString(), dryRun: false));
        Assert.Contains(current.Info.Version, e.Message, StringComparison.Ordinal);

        var same = await Load(JsonNode.Parse(current.Json)!.ToJsonString(), dryRun: false);
        Assert.True(same.Unchanged);
        Assert.Equal((current.Info.Version, current.Info.LoadedAt), (same.Version, same.LoadedAt));
        Assert.Equal(current.Info.Groups, same.Groups);
        Assert.Equal(current.Info.Assets, same.Assets);
        Assert.Equal(current.Info.LoadedAt, (await grid.Admin.GetRulebookAsync(new GetRulebookRequest())).Info.LoadedAt);
    }

    [Fact]
    public async Task ADryRun_OfANewVersion_IsCheckedAndSummarised_WithoutLoadedAt()
    {
        var next = await Current();
        next["version"] = "e2e-dry-run";
        next["liqEndFraction"] = 0.93;
        var info = await Load(next.ToJsonString(), dryRun: true);
        Assert.Equal(("e2e-dry-run", false), (info.Version, info.Unchanged));
        Assert.Null(info.LoadedAt);
        Assert.Contains("ES_SPAN", info.Groups);
        Assert.Equal(info.Assets.Order(StringComparer.Ordinal), info.Assets);
        Assert.NotEqual("e2e-dry-run", (await grid.Admin.GetRulebookAsync(new GetRulebookRequest())).Info.Version);
    }

    [Fact]
    public async Task ARulebookWithoutAGroupThatAListedInstrumentUses_IsRefusedNamingTheGroupAndTheInstrument()
    {
        const string option = "E2E-RB-MSFT-C";
        await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec
            {
                Id = option, Kind = InstrumentKind.Option, Group = "MSFT", Underlying = "MSFT", Multiplier = Dec(100), Settlement = "USD",
                Expiry = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)), Strike = Dec(420), OptionType = OptionType.Call,
            },
        });
        var without = await Current();
        without["version"] = "e2e-without-msft";
        without["groups"]!.AsObject().Remove("MSFT");
        without["assets"]!["MSFT"]!.AsObject().Remove("offsetGroup");

        foreach (var dryRun in new[] { true, false })
        {
            var e = await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "groups.MSFT", () => Load(without.ToJsonString(), dryRun));
            Assert.Contains(option, e.Message, StringComparison.Ordinal);
        }
    }

    private async Task<JsonObject> Current() => JsonNode.Parse((await grid.Admin.GetRulebookAsync(new GetRulebookRequest())).Json)!.AsObject();

    private Task<RulebookInfo> Load(string json, bool dryRun) => grid.Admin.LoadRulebookAsync(new LoadRulebookRequest { Json = json, DryRun = dryRun }).ResponseAsync;
}
