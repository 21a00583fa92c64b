using Grid.Abstractions.Accounts;
using Grid.Console.Views;
using Grid.Risk.Accounts;

namespace Grid.Console.Api;

/// <summary>
/// The what-if panel: one order checked against the account as if it rested (IAccountGrain.WhatIf,
/// which never reserves). No price means the instrument's mark.
/// </summary>
internal sealed class WhatIfPreview(AccountSource accounts, MarketSource market)
{
    /// <summary>Longest instrument id accepted.</summary>
    public const int MaxInstrumentLength = 128;

    private const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<WhatIfView> Run(string accountId, WhatIfInput? input)
    {
        var account = accounts.Grain(accountId);
        var instrument = input?.InstrumentId?.Trim() ?? "";
        if (instrument.Length is 0 or > MaxInstrumentLength)
        {
            throw new ArgumentException($"instrumentId: give an instrument id of 1 to {MaxInstrumentLength} characters", nameof(input));
        }

        var side = input!.Side?.Trim().ToLowerInvariant() switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            _ => throw new ArgumentException("side: buy or sell", nameof(input)),
        };
        if (input.Qty is not { } qty || qty <= 0 || qty >= MaxAmount)
        {
            throw new ArgumentException("qty: give a positive quantity", nameof(input));
        }

        if (input.Price is < 0 or >= MaxAmount)
        {
            throw new ArgumentException("price: give a positive price, or none for the mark", nameof(input));
        }

        await AccountSource.Known(account, accountId);
        var price = input.Price is { } given && given > 0 ? given : await market.Mark(instrument);
        var result = await account.WhatIf([new OrderIntent(instrument, side, qty, price)]);
        var d = result.Decisions.Count == 1
            ? result.Decisions[0]
            : throw new InvalidOperationException($"the account answered {result.Decisions.Count} decisions to one order");
        var reason = DisplayNames.Reason(d.Reason);
        return new WhatIfView(
            instrument,
            DisplayNames.Side(side),
            qty,
            price,
            DisplayNames.Decision(d.Decision),
            reason,
            reason == "none" ? "" : DisplayNames.Label(reason),
            AccountViews.Cents(d.Shortfall),
            AccountViews.Cents(d.ImBefore),
            AccountViews.Cents(d.ImAfter),
            AccountViews.Cents(d.AvailableAfter),
            AccountViews.Cents(d.MmAfter),
            DisplayNames.State(d.State),
            AccountViews.Figures(result.After));
    }
}
