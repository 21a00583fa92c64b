using Grid.Abstractions.Market;
using Grid.Console.Views;
using Grid.Risk.Accounts;
using Grid.Risk.Simulation;

namespace Grid.Console.Api;

/// <summary>
/// The Simulator page's call: a portfolio document margined by the risk core's simulator in process, against
/// the silo's live listing (no grain call, no account) or the document's own rulebook, instruments and market,
/// with every figure (silos, stress, without credits) and an optional candidate order with its max size. A
/// refusal names the JSON path: 400 for a bad document, 404 for an unknown instrument or asset, 409 when the
/// live market cannot price a holding now.
/// </summary>
internal sealed class SimulatorCall(PortfolioSimulator simulator, IServiceProvider services)
{
    /// <summary>Largest document accepted (a few thousand positions).</summary>
    public const int MaxDocumentChars = 1 << 20;

    private readonly IListedMarketSource? _live = (IListedMarketSource?)services.GetService(typeof(IListedMarketSource));

    public Task<SimulatorView> Run(SimulatorInput? input)
    {
        var document = input?.Document;
        if (string.IsNullOrWhiteSpace(document))
        {
            throw new ArgumentException("document: paste or upload a portfolio (JSON, the cases' layout)", nameof(input));
        }

        if (document.Length > MaxDocumentChars)
        {
            throw new ArgumentException($"document: at most {MaxDocumentChars} characters", nameof(input));
        }

        try
        {
            var inputs = SimulationDocument.Read(document, "document");
            SimulationLimits.Default.Check(inputs);
            var result = simulator.Run(inputs, _live?.Current, Candidate(input!.Order), input.Order is null ? SimulationFigures.Regimes | SimulationFigures.Stress | SimulationFigures.CreditDependency : SimulationFigures.All);
            return Task.FromResult(SimulatorViews.Of(result));
        }
        catch (SimulationException e)
        {
            throw e.Fault switch
            {
                SimulationFault.UnknownInstrument or SimulationFault.UnknownAsset => new KeyNotFoundException(e.Message),
                SimulationFault.LiveMarketUnpriced or SimulationFault.NoLiveMarket => new InvalidOperationException(e.Message),
                _ => new ArgumentException(e.Message, nameof(input)),
            };
        }
    }

    private static CandidateOrder? Candidate(WhatIfInput? order)
    {
        if (order is null)
        {
            return null;
        }

        var instrument = order.InstrumentId?.Trim() ?? "";
        if (instrument.Length is 0 or > WhatIfPreview.MaxInstrumentLength)
        {
            throw new ArgumentException($"order.instrumentId: give an instrument id of 1 to {WhatIfPreview.MaxInstrumentLength} characters", nameof(order));
        }

        var side = order.Side?.Trim().ToLowerInvariant() switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            _ => throw new ArgumentException("order.side: buy or sell", nameof(order)),
        };
        return order.Qty is { } qty && qty > 0 && order.Price is { } price && price > 0
            ? new CandidateOrder(instrument, side, (double)qty, (double)price, false, "simulator")
            : throw new ArgumentException("order: give a positive quantity and limit price", nameof(order));
    }
}
