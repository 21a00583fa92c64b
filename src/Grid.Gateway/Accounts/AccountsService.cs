using Grid.Abstractions.Accounts;
using Grid.Abstractions.Market;
using Grid.Gateway.Conversion;
using Grid.Gateway.Faults;
using Grid.Gateway.Validation;
using Grid.Risk.Decisions;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Accounts;

/// <summary>grid.v1.Accounts: account figures, what-if analysis, treasury and the Watch stream.</summary>
internal sealed class AccountsService(
    IGrainFactory grains,
    IOptions<GatewayOptions> options,
    TimeProvider clock,
    ILogger<AccountsService> logger) : Wire.Accounts.AccountsBase
{
    /// <summary>GetMaxOrderSize reports sizes at this cap as capped (Rulebook §4 item 25).</summary>
    private const decimal MaxOrderSizeCap = 1_000_000_000_000m;

    public override Task<Wire.BuyingPower> GetBuyingPower(Wire.GetBuyingPowerRequest request, ServerCallContext context)
        => Run(async () => BuyingPowerMessages.ToWire(await Account(request.AccountId).GetBuyingPower()), "Accounts.GetBuyingPower");

    public override Task<Wire.MaxOrderSize> GetMaxOrderSize(Wire.GetMaxOrderSizeRequest request, ServerCallContext context)
        => GrainCall.Run(() => MaxOrderSize(request), Wire.ErrorCode.UnknownInstrument, logger, "Accounts.GetMaxOrderSize");

    public override Task<Wire.WhatIfResponse> WhatIf(Wire.WhatIfRequest request, ServerCallContext context)
        => Run(() => new WhatIfEvaluation(options.Value.MaxWhatIfOrders).Run(request, Account), "Accounts.WhatIf");

    public override Task<Wire.RegimeComparison> CompareRegimes(Wire.CompareRegimesRequest request, ServerCallContext context)
        => Run(async () => PortfolioMessages.ToWire(await Account(request.AccountId).CompareRegimes()), "Accounts.CompareRegimes");

    public override Task<Wire.Portfolio> GetPortfolio(Wire.GetPortfolioRequest request, ServerCallContext context)
        => Run(async () => PortfolioMessages.ToWire(await Account(request.AccountId).GetPortfolio()), "Accounts.GetPortfolio");

    public override Task<Wire.BuyingPower> Deposit(Wire.DepositRequest request, ServerCallContext context)
        => Run(() => DepositOne(request), "Accounts.Deposit");

    public override Task<Wire.WithdrawResponse> Withdraw(Wire.WithdrawRequest request, ServerCallContext context)
        => Run(() => WithdrawOne(request), "Accounts.Withdraw");

    public override Task<Wire.ApplyFundingResponse> ApplyFunding(Wire.ApplyFundingRequest request, ServerCallContext context)
        => Run(() => FundingMessages.Apply(request, Account), "Accounts.ApplyFunding");

    public override async Task Watch(Wire.WatchAccountRequest request, IServerStreamWriter<Wire.AccountUpdate> responseStream, ServerCallContext context)
    {
        string accountId;
        try
        {
            accountId = RequestFields.Key(request.AccountId, "account_id");
        }
        catch (InvalidFieldException e)
        {
            throw WireErrors.ToRpcException(e.ToDetail());
        }

        await new AccountWatch(grains, clock, logger).Run(accountId, responseStream, context.CancellationToken);
    }

    private IAccountGrain Account(string accountId) => grains.GetGrain<IAccountGrain>(RequestFields.Key(accountId, "account_id"));

    private Task<T> Run<T>(Func<Task<T>> call, string rpc) => GrainCall.Run(call, Wire.ErrorCode.UnknownAccount, logger, rpc);

    private async Task<Wire.MaxOrderSize> MaxOrderSize(Wire.GetMaxOrderSizeRequest request)
    {
        var account = Account(request.AccountId);
        var instrument = RequestFields.Id(request.InstrumentId, "instrument_id");
        var side = RequestFields.Side(request.Side, "side");
        var price = request.Price is null ? await MarkOf(instrument) : RequestFields.Positive(request.Price, "price");
        var max = await account.GetMaxOrderSize(instrument, side, price);
        return new Wire.MaxOrderSize { Qty = WireDecimal.From(max.Qty), Capped = max.Qty >= MaxOrderSizeCap, AsOf = WireTime.FromOptional(max.AsOf) };
    }

    /// <summary>
    /// An unset price means the current mark. The account grain needs a price, so the gateway reads
    /// the mark from the instrument; options publish vols, not marks, so they need an explicit price.
    /// </summary>
    private async Task<decimal> MarkOf(string instrumentId)
    {
        var info = await grains.GetGrain<IInstrumentGrain>(instrumentId).Get()
            ?? throw new KeyNotFoundException($"instrument_id: {instrumentId} is not listed");
        return info.Mark > 0 ? info.Mark : throw new InvalidOperationException($"price: {instrumentId} has no mark; give a price");
    }

    private async Task<Wire.BuyingPower> DepositOne(Wire.DepositRequest request)
    {
        var account = Account(request.AccountId);
        var asset = RequestFields.Id(request.Asset, "asset");
        var amount = RequestFields.Positive(request.Amount, "amount");
        var requestId = RequestFields.Key(request.RequestId, "request_id");
        var change = await account.Deposit(requestId, asset, amount);
        if (change.Conflict)
        {
            throw Conflict(requestId);
        }

        if (change.Accepted)
        {
            return BuyingPowerMessages.ToWire(change.After);
        }

        throw WireErrors.ToRpcException(change.Reason switch
        {
            RejectReason.UnknownAsset => WireErrors.Detail(Wire.ErrorCode.UnknownAsset, "asset", $"asset: {asset} is not listed in the rulebook"),
            RejectReason.InvalidOrder => WireErrors.Detail(Wire.ErrorCode.InvalidField, "amount", "the balance would be worth more than 1e15 USD, the grid's limit"),
            RejectReason.NoPrice => WireErrors.Detail(Wire.ErrorCode.FailedPrecondition, "asset", $"asset: {asset} has no index price yet"),
            _ => WireErrors.Detail(Wire.ErrorCode.FailedPrecondition, "", $"the deposit was refused ({change.Reason})"),
        });
    }

    private static RpcException Conflict(string requestId)
        => WireErrors.ToRpcException(WireErrors.Detail(Wire.ErrorCode.IdempotencyConflict, "request_id", $"request_id: {requestId} was used before with other parameters; nothing was applied"));

    private async Task<Wire.WithdrawResponse> WithdrawOne(Wire.WithdrawRequest request)
    {
        var account = Account(request.AccountId);
        var asset = RequestFields.Id(request.Asset, "asset");
        var amount = RequestFields.Positive(request.Amount, "amount");
        var requestId = RequestFields.Key(request.RequestId, "request_id");
        var change = await account.Withdraw(requestId, asset, amount);
        if (change.Conflict)
        {
            throw Conflict(requestId);
        }

        return new Wire.WithdrawResponse
        {
            Accepted = change.Accepted,
            RejectReason = change.Accepted ? Wire.RejectReason.Unspecified : WireEnums.ToWire(change.Reason),
            Shortfall = WireDecimal.From(change.Shortfall),
            BuyingPower = BuyingPowerMessages.ToWire(change.After),
            Replayed = change.Replayed,
        };
    }
}
