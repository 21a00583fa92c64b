using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;
using Grpc.Core;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Contract;

/// <summary>admin.proto's instrument calls: each documented error produced, every InstrumentInfo field served.</summary>
[Collection(GridHost.Name)]
public sealed class AdminInstrumentContractTests(GridHostFixture grid)
{
    [Fact]
    public async Task UpsertInstrument_DocumentedErrors()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.Malformed, "instrument", () => grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest()).ResponseAsync);
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "instrument.group",
            () => Upsert(new InstrumentSpec { Id = "E2E-ADM-NOGROUP", Kind = InstrumentKind.LinearPerp, Group = "NO-SUCH-GROUP", Underlying = "BTC" }));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "instrument.strike",
            () => Upsert(WithoutStrike(Option("E2E-ADM-NOSTRIKE", DateTimeOffset.UtcNow.AddDays(20)))));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "instrument.expiry",
            () => Upsert(Future("E2E-ADM-PAST", DateTimeOffset.UtcNow.AddDays(-1))));
    }

    [Fact]
    public async Task RelistingWithAnotherExpiry_IsAFailedPrecondition_AndTheSameSpecIsANoOp()
    {
        var expiry = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(45).AddHours(8), DateTimeKind.Utc);
        var spec = Future("E2E-ADM-FUT", new DateTimeOffset(expiry, TimeSpan.Zero));
        var listed = await Upsert(spec);
        var moved = spec.Clone();
        moved.Expiry = Timestamp.FromDateTime(expiry.AddDays(7));
        var e = await Errors.Expect(StatusCode.FailedPrecondition, ErrorCode.FailedPrecondition, "instrument.expiry", () => Upsert(moved));
        Assert.Contains("E2E-ADM-FUT", e.Message, StringComparison.Ordinal);

        Assert.Equal(listed, await Upsert(spec));
        Assert.Equal(listed.Spec, (await grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = spec.Id })).Spec);
    }

    [Fact]
    public async Task GetInstrument_ServesEveryField_IncludingAnOptionsComputedMark()
    {
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownInstrument, "instrument_id", () => Get("E2E-ADM-NOT-LISTED"));
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "instrument_id", () => Get(""));

        const string perp = "E2E-ADM-INFO";
        await grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest
        {
            Instrument = new InstrumentSpec
            {
                Id = perp, Kind = InstrumentKind.LinearPerp, Group = "ETH", Underlying = "ETH", Settlement = "USDT", PriceBandFraction = Dec(0.1m),
                MaxOrderNotional = Dec(1_000_000), MaxPosition = Dec(500), StdOverride = new StdOverride { Style = StdStyle.Hyperliquid, Leverage = Dec(10), MaxLeverage = Dec(50) },
            },
        });
        await grid.Mark(perp, 2_000);
        await grid.Admin.HaltInstrumentAsync(new HaltInstrumentRequest { InstrumentId = perp, Reason = "contract test" });
        var info = await Get(perp);
        Assert.Equal((1m, 2_000m, true, "contract test"), (Num(info.Spec.Multiplier), Num(info.Mark), info.Halted, info.HaltReason));
        Assert.Equal((0.1m, 1_000_000m, 500m, StdStyle.Hyperliquid), (Num(info.Spec.PriceBandFraction), Num(info.Spec.MaxOrderNotional), Num(info.Spec.MaxPosition), info.Spec.StdOverride.Style));
        Assert.NotNull(info.PriceObservedAt);
        Assert.NotNull(info.PriceAge);
        await grid.Admin.ResumeInstrumentAsync(new ResumeInstrumentRequest { InstrumentId = perp, Reason = "done" });

        var page = await grid.Admin.ListInstrumentsAsync(new ListInstrumentsRequest { Groups = { "BTC" }, Kinds = { InstrumentKind.Option }, PageSize = 1 });
        var option = page.Instruments[0];
        Assert.True(Num(option.Mark) > 0, option.ToString());
        Assert.NotNull(option.PriceObservedAt);
        Assert.Equal(option.Mark, (await Get(option.Spec.Id)).Mark);
    }

    [Fact]
    public async Task ListInstruments_DocumentedErrors_AndPaging()
    {
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "page_token", () => grid.Admin.ListInstrumentsAsync(new ListInstrumentsRequest { PageToken = "%%%" }).ResponseAsync);
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "kinds[0]",
            () => grid.Admin.ListInstrumentsAsync(new ListInstrumentsRequest { Kinds = { (InstrumentKind)99 } }).ResponseAsync);

        var request = new ListInstrumentsRequest { Groups = { "ETH" }, Kinds = { InstrumentKind.Option }, PageSize = 2 };
        var ids = new List<string>();
        do
        {
            var page = await grid.Admin.ListInstrumentsAsync(request);
            Assert.True(page.Instruments.Count <= 2);
            ids.AddRange(page.Instruments.Select(i => i.Spec.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.True(ids.Count > 2, "the demo lists six ETH options");
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task HaltAndResume_DocumentedErrors_AndNoOps()
    {
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownInstrument, "instrument_id",
            () => grid.Admin.HaltInstrumentAsync(new HaltInstrumentRequest { InstrumentId = "E2E-ADM-NOT-LISTED", Reason = "x" }).ResponseAsync);
        await Errors.Expect(StatusCode.NotFound, ErrorCode.UnknownInstrument, "instrument_id",
            () => grid.Admin.ResumeInstrumentAsync(new ResumeInstrumentRequest { InstrumentId = "E2E-ADM-NOT-LISTED", Reason = "x" }).ResponseAsync);
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "reason",
            () => grid.Admin.HaltInstrumentAsync(new HaltInstrumentRequest { InstrumentId = "BTC-PERP" }).ResponseAsync);
        await Errors.Expect(StatusCode.InvalidArgument, ErrorCode.InvalidField, "reason",
            () => grid.Admin.ResumeInstrumentAsync(new ResumeInstrumentRequest { InstrumentId = "BTC-PERP" }).ResponseAsync);

        const string perp = "E2E-ADM-HALT";
        await grid.ListPerp(perp, "ETH");
        var resumed = await grid.Admin.ResumeInstrumentAsync(new ResumeInstrumentRequest { InstrumentId = perp, Reason = "not halted" });
        Assert.Equal((false, ""), (resumed.Halted, resumed.HaltReason));
        var halted = await grid.Admin.HaltInstrumentAsync(new HaltInstrumentRequest { InstrumentId = perp, Reason = "first" });
        var again = await grid.Admin.HaltInstrumentAsync(new HaltInstrumentRequest { InstrumentId = perp, Reason = "second" });
        Assert.Equal((true, "first", true, "second"), (halted.Halted, halted.HaltReason, again.Halted, again.HaltReason));
        await grid.Admin.ResumeInstrumentAsync(new ResumeInstrumentRequest { InstrumentId = perp, Reason = "over" });
    }

    private Task<InstrumentInfo> Upsert(InstrumentSpec spec) => grid.Admin.UpsertInstrumentAsync(new UpsertInstrumentRequest { Instrument = spec }).ResponseAsync;

    private Task<InstrumentInfo> Get(string id) => grid.Admin.GetInstrumentAsync(new GetInstrumentRequest { InstrumentId = id }).ResponseAsync;

    private static InstrumentSpec Future(string id, DateTimeOffset expiry) => new()
    {
        Id = id, Kind = InstrumentKind.LinearFuture, Group = "BTC", Underlying = "BTC", Multiplier = Dec(1), Settlement = "USDT", Expiry = Timestamp.FromDateTimeOffset(expiry),
    };

    private static InstrumentSpec WithoutStrike(InstrumentSpec spec)
    {
        spec.Strike = null;
        return spec;
    }

    private static InstrumentSpec Option(string id, DateTimeOffset expiry) => new()
    {
        Id = id, Kind = InstrumentKind.Option, Group = "BTC", Underlying = "BTC", Multiplier = Dec(1), Settlement = "USDC",
        Expiry = Timestamp.FromDateTimeOffset(expiry), Strike = Dec(60_000), OptionType = OptionType.Call,
    };
}
