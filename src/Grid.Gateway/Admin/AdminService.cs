using Grid.Abstractions.Accounts;
using Grid.Abstractions.House;
using Grid.Abstractions.Market;
using Grid.Gateway.Audit;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Admin;

/// <summary>grid.v1.Admin: instruments, the rulebook, account controls and the house's systemic risk for operators.</summary>
internal sealed partial class AdminService(
    IGrainFactory grains,
    IOptions<GatewayOptions> options,
    IOptions<AuditOptions> auditOptions,
    IAuditTrail audit,
    TimeProvider clock,
    IEnumerable<IMarketFeed> feeds,
    IEnumerable<IMarketSteps> steps,
    IEnumerable<ISupervisoryReports> reports,
    ILogger<AdminService> logger) : Wire.Admin.AdminBase
{
    /// <summary>Key of the market directory grain.</summary>
    public const string MarketKey = "market";

    /// <summary>Key of the rulebook grain.</summary>
    public const string RulebookKey = "current";

    /// <summary>Key of the account registry grain.</summary>
    public const string RegistryKey = "accounts";

    /// <summary>The JSON path of a rulebook's root, which the rulebook reader blames for unparseable JSON.</summary>
    private const string RootPath = "$";

    public override Task<Wire.InstrumentInfo> UpsertInstrument(Wire.UpsertInstrumentRequest request, ServerCallContext context)
        => Instruments(async () =>
        {
            var spec = InstrumentMessages.ToSpec(request.Instrument);
            return await Instrument(spec.Id).Upsert(spec);
        }, "Admin.UpsertInstrument");

    public override Task<Wire.InstrumentInfo> GetInstrument(Wire.GetInstrumentRequest request, ServerCallContext context)
        => Instruments(async () => await Instrument(request.InstrumentId).Get()
            ?? throw new KeyNotFoundException($"instrument_id: {request.InstrumentId} is not listed"), "Admin.GetInstrument");

    public override Task<Wire.ListInstrumentsResponse> ListInstruments(Wire.ListInstrumentsRequest request, ServerCallContext context)
        => GrainCall.Run(
            async () => InstrumentPages.Page(await grains.GetGrain<IMarketDirectoryGrain>(MarketKey).GetState(), request, options.Value.DefaultPageSize, clock.GetUtcNow(), feeds.FirstOrDefault()),
            Wire.ErrorCode.UnknownInstrument,
            logger,
            "Admin.ListInstruments");

    public override Task<Wire.InstrumentInfo> HaltInstrument(Wire.HaltInstrumentRequest request, ServerCallContext context)
        => Instruments(() => Instrument(request.InstrumentId).SetHalted(true, RequestFields.Text(request.Reason, "reason")), "Admin.HaltInstrument");

    public override Task<Wire.InstrumentInfo> ResumeInstrument(Wire.ResumeInstrumentRequest request, ServerCallContext context)
        => Instruments(() => Instrument(request.InstrumentId).SetHalted(false, RequestFields.Text(request.Reason, "reason")), "Admin.ResumeInstrument");

    public override Task<Wire.RulebookInfo> LoadRulebook(Wire.LoadRulebookRequest request, ServerCallContext context)
        => GrainCall.Run(
            async () =>
            {
                if (string.IsNullOrWhiteSpace(request.Json))
                {
                    throw InvalidFieldException.Malformed("json", "is required");
                }

                try
                {
                    var info = await Rulebook().Load(request.Json, request.DryRun, request.Force);
                    if (!request.DryRun && !info.Unchanged)
                    {
                        ShowHere(new MarketChange { Rulebook = info with { Impact = null } });
                    }

                    var wire = RulebookMessages.ToWire(info, request.DryRun);
                    wire.Impact = info.Impact is { } impact ? HouseRiskMessages.ToWire(impact) : null;
                    return wire;
                }
                catch (ArgumentException e) when (e.ParamName == RootPath)
                {
                    // The rulebook reader names the document root for JSON that does not parse: MALFORMED in admin.proto.
                    throw InvalidFieldException.Malformed("json", e.Message.Replace($" (Parameter '{RootPath}')", "", StringComparison.Ordinal));
                }
            },
            Wire.ErrorCode.FailedPrecondition,
            logger,
            "Admin.LoadRulebook");

    public override Task<Wire.GetRulebookResponse> GetRulebook(Wire.GetRulebookRequest request, ServerCallContext context)
        => GrainCall.Run(
            async () =>
            {
                // Until a rulebook is loaded the shipped default is in force (admin.proto): it has no load instant.
                var info = await Rulebook().Get() ?? RulebookMessages.ShippedDefault();
                return new Wire.GetRulebookResponse { Info = RulebookMessages.ToWire(info, dryRun: false), Json = info.Json };
            },
            Wire.ErrorCode.FailedPrecondition,
            logger,
            "Admin.GetRulebook");

    public override Task<Wire.AccountStatus> FreezeAccount(Wire.FreezeAccountRequest request, ServerCallContext context)
        => Accounts(
            () => SetFrozen(request.AccountId, true, RequestFields.Text(request.Reason, "reason"), request.CancelRestingOrders),
            "Admin.FreezeAccount");

    public override Task<Wire.AccountStatus> UnfreezeAccount(Wire.UnfreezeAccountRequest request, ServerCallContext context)
        => Accounts(() => SetFrozen(request.AccountId, false, RequestFields.Text(request.Reason, "reason"), cancelResting: false), "Admin.UnfreezeAccount");

    public override Task<Wire.AccountStatus> SetAccountRegime(Wire.SetAccountRegimeRequest request, ServerCallContext context)
        => Accounts(
            async () =>
            {
                var account = Account(request.AccountId);
                var regime = WireEnums.TryRead(request.Regime, out var r) ? r : throw InvalidFieldException.Invalid("regime", $"{request.Regime} is not PM or STD");
                RequestFields.Text(request.Reason, "reason");
                var summary = await account.SetRegime(regime, request.Force);
                return AccountStatusMessages.ToWire(summary, WireEnums.ToWire(regime), frozenReason: "");
            },
            "Admin.SetAccountRegime");

    public override Task<Wire.ListAccountsResponse> ListAccounts(Wire.ListAccountsRequest request, ServerCallContext context)
        => Accounts(() => AccountStatusMessages.List(grains.GetGrain<IAccountRegistryGrain>(RegistryKey), request, options.Value.DefaultPageSize), "Admin.ListAccounts");

    public override Task<Wire.AccountVerification> VerifyAccount(Wire.VerifyAccountRequest request, ServerCallContext context)
        => Accounts(async () => VerificationMessages.ToWire(await Account(request.AccountId).Verify()), "Admin.VerifyAccount");

    public override Task<Wire.QueryAuditResponse> QueryAudit(Wire.QueryAuditRequest request, ServerCallContext context)
        => GrainCall.Run(
            async () =>
            {
                var page = await audit.Query(AuditQueries.Read(request, auditOptions.Value.DefaultPageSize), context.CancellationToken);
                page.NextPageToken = PageTokens.Encode(page.NextPageToken);
                return page;
            },
            Wire.ErrorCode.FailedPrecondition,
            logger,
            "Admin.QueryAudit");

    /// <summary>
    /// The account summary carries neither regime nor freeze reason: the regime is read back from the
    /// portfolio and the reason is the one just given. The freeze stands even if that read fails, so a
    /// failed read only leaves the regime unset rather than reporting the kill switch as failed.
    /// </summary>
    private async Task<Wire.AccountStatus> SetFrozen(string accountId, bool frozen, string reason, bool cancelResting)
    {
        var account = Account(accountId);
        var summary = await account.SetFrozen(frozen, reason, cancelResting);
        var regime = Wire.MarginRegime.Unspecified;
        try
        {
            regime = WireEnums.ToWire((await account.GetPortfolio()).Regime);
        }
        catch (Exception e)
        {
            GatewayLog.GrainCallFailed(logger, "Admin.FreezeAccount regime read-back", Wire.ErrorCode.Unavailable, e);
        }

        return AccountStatusMessages.ToWire(summary, regime, frozen ? reason : "");
    }

    private IInstrumentGrain Instrument(string instrumentId) => grains.GetGrain<IInstrumentGrain>(RequestFields.Id(instrumentId, "instrument_id"));

    private IAccountGrain Account(string accountId) => grains.GetGrain<IAccountGrain>(RequestFields.Key(accountId, "account_id"));

    private IRulebookGrain Rulebook() => grains.GetGrain<IRulebookGrain>(RulebookKey);

    /// <summary>
    /// An instrument call: the grain's answer is applied to this silo's market before it is returned,
    /// so the change holds here whichever silo the grain lives on (admin.proto).
    /// </summary>
    private Task<Wire.InstrumentInfo> Instruments(Func<Task<InstrumentInfo>> call, string rpc)
        => GrainCall.Run(
            async () =>
            {
                var info = await call();
                ShowHere(new MarketChange { Instrument = info });
                return InstrumentMessages.ToWire(info, clock.GetUtcNow(), feeds.FirstOrDefault());
            },
            Wire.ErrorCode.UnknownInstrument,
            logger,
            rpc);

    private void ShowHere(MarketChange change) => steps.FirstOrDefault()?.ApplyHere([change]);

    private Task<T> Accounts<T>(Func<Task<T>> call, string rpc) => GrainCall.Run(call, Wire.ErrorCode.UnknownAccount, logger, rpc);
}
