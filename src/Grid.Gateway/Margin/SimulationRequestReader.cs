using Grid.Gateway.Validation;
using Grid.Risk.Simulation;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// Reads a SimulateRequest: the portfolio (typed or a document), the rulebook, instruments and market that
/// override the document's, the candidate order and the figures asked, then the list limits. Typed fields
/// are refused as InvalidFieldException, documents as SimulationException, both naming the path.
/// </summary>
internal static class SimulationRequestReader
{
    public static SimulationQuery Read(Wire.SimulateRequest request, SimulationLimits limits)
    {
        var inputs = request.PortfolioCase switch
        {
            Wire.SimulateRequest.PortfolioOneofCase.Holdings => Holdings(request.Holdings),
            Wire.SimulateRequest.PortfolioOneofCase.DocumentJson => SimulationDocument.Read(request.DocumentJson, "document_json"),
            _ => throw InvalidFieldException.Malformed("portfolio", "give holdings or document_json"),
        };

        if (request.RulebookJson.Length > 0)
        {
            using var doc = SimulationDocument.Parse(request.RulebookJson, "rulebook_json");
            inputs = inputs with { Rulebook = SimulationDocument.Rulebook(doc.RootElement, "rulebook"), RulebookPath = "rulebook" };
        }

        inputs = request.InstrumentSourceCase switch
        {
            Wire.SimulateRequest.InstrumentSourceOneofCase.Instruments => Given(inputs, InstrumentReader.Read(request.Instruments)),
            Wire.SimulateRequest.InstrumentSourceOneofCase.InstrumentsJson => inputs with
            {
                Instruments = Json(request.InstrumentsJson, "instruments_json", e => SimulationDocument.Instruments(e, "instruments")),
                InstrumentLimits = null,
                InstrumentsPath = "instruments",
            },
            _ => inputs,
        };

        inputs = request.MarketSourceCase switch
        {
            Wire.SimulateRequest.MarketSourceOneofCase.Market => inputs with { Market = MarketReader.Read(request.Market), MarketPath = "market" },
            Wire.SimulateRequest.MarketSourceOneofCase.MarketJson => inputs with
            {
                Market = Json(request.MarketJson, "market_json", e => SimulationDocument.Market(e, "market")),
                MarketPath = "market",
            },
            _ => inputs,
        };

        var (order, refusal, label) = Candidate(request.Order, inputs.Order);
        if (request.MaxOrderSize && order is null && refusal is null)
        {
            throw InvalidFieldException.Invalid("max_order_size", "needs an order (the request's or the document's) to size");
        }

        limits.Check(inputs);
        return new SimulationQuery(inputs, order, refusal, label, Figures(request));
    }

    private static SimulationInputs Holdings(Wire.SimulatedPortfolio holdings)
    {
        var (portfolio, paths, defaultRegime) = HoldingsReader.Read(holdings);
        return new SimulationInputs { Portfolio = portfolio, Paths = paths, DefaultRegime = defaultRegime };
    }

    private static SimulationInputs Given(SimulationInputs inputs, (List<Risk.Instruments.Instrument> Instruments, Dictionary<string, Risk.Decisions.TradingLimits> Limits) given)
        => inputs with { Instruments = given.Instruments, InstrumentLimits = given.Limits, InstrumentsPath = "instruments" };

    private static T Json<T>(string json, string field, Func<System.Text.Json.JsonElement, T> read)
    {
        using var doc = SimulationDocument.Parse(json, field);
        return read(doc.RootElement);
    }

    // The request's order is read as WhatIf reads one: bad terms are an INVALID_ORDER decision, a malformed
    // Decimal or an over-long label an error. Without one, the document's order (a case's) is the candidate.
    private static (CandidateOrder? Order, string? Refusal, string Label) Candidate(Wire.WhatIfOrder? order, CandidateOrder? fromDocument)
    {
        if (order is null)
        {
            return (fromDocument, null, fromDocument?.Label ?? "");
        }

        if (order.ClientOrderId.Length > RequestFields.MaxIdLength)
        {
            throw InvalidFieldException.Invalid("order.client_order_id", $"must be at most {RequestFields.MaxIdLength} characters");
        }

        try
        {
            return (new CandidateOrder(
                RequestFields.OrderInstrument(order.InstrumentId, "order.instrument_id"),
                RequestFields.OrderSide(order.Side, "order.side"),
                (double)RequestFields.OrderAmount(order.Qty, "order.qty"),
                (double)RequestFields.OrderAmount(order.Price, "order.price"),
                order.ReduceOnly,
                order.ClientOrderId), null, order.ClientOrderId);
        }
        catch (InvalidOrderException e)
        {
            return (null, e.Message, order.ClientOrderId);
        }
    }

    private static SimulationFigures Figures(Wire.SimulateRequest request)
        => (request.MaxOrderSize ? SimulationFigures.MaxOrderSize : 0)
            | (request.CompareRegimes ? SimulationFigures.Regimes : 0)
            | (request.Stress ? SimulationFigures.Stress : 0)
            | (request.CreditDependency ? SimulationFigures.CreditDependency : 0);
}
