using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using Grid.Gateway.Audit;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Margin;

/// <summary>
/// What the audit trail keeps of a Margin.Simulate call (AUDIT_KIND_QUERY): not the documents, which can be
/// megabytes, but what identifies them (size and SHA-256 of the request) and what was asked; as the outcome,
/// the headline figures (breakdown totals, the decision, max size, siloed and cross totals), not every line.
/// </summary>
internal static class SimulationAudit
{
    public static IAuditSummary Inputs(Wire.SimulateRequest request)
    {
        var bytes = request.ToByteArray();
        return new Summary
        {
            Portfolio = request.PortfolioCase switch
            {
                Wire.SimulateRequest.PortfolioOneofCase.Holdings => "holdings",
                Wire.SimulateRequest.PortfolioOneofCase.DocumentJson => "document_json",
                _ => "",
            },
            Bytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Positions = request.Holdings?.Positions.Count,
            Orders = request.Holdings?.Orders.Count,
            Balances = request.Holdings?.Balances.Count,
            Rulebook = request.RulebookJson.Length > 0 ? "rulebook_json" : null,
            Instruments = request.InstrumentSourceCase == Wire.SimulateRequest.InstrumentSourceOneofCase.None ? null : request.InstrumentSourceCase.ToString(),
            Market = request.MarketSourceCase == Wire.SimulateRequest.MarketSourceOneofCase.None ? null : request.MarketSourceCase.ToString(),
            Order = request.Order is { } o ? $"{o.InstrumentId}:{o.Side}:{Text(o.Qty)}:{Text(o.Price)}" : null,
            Figures = [.. Asked(request)],
        };
    }

    public static Wire.SimulateResponse Outcome(Wire.SimulateResponse response)
    {
        var headline = new Wire.SimulateResponse
        {
            BuyingPower = response.BuyingPower?.Clone(),
            OrderDecision = response.OrderDecision,
            MaxOrderSize = response.MaxOrderSize,
            Basis = response.Basis,
        };
        headline.BuyingPower?.Groups.Clear();
        headline.BuyingPower?.Collateral.Clear();
        if (response.Regimes is { } r)
        {
            headline.Regimes = new Wire.RegimeComparison { SiloedTotal = r.SiloedTotal, CrossTotal = r.CrossTotal, SavingUsd = r.SavingUsd, SavingPct = r.SavingPct, AsOf = r.AsOf };
        }

        return headline;
    }

    private static IEnumerable<string> Asked(Wire.SimulateRequest request)
    {
        if (request.MaxOrderSize)
        {
            yield return "max_order_size";
        }

        if (request.CompareRegimes)
        {
            yield return "compare_regimes";
        }

        if (request.Stress)
        {
            yield return "stress";
        }

        if (request.CreditDependency)
        {
            yield return "credit_dependency";
        }
    }

    // As written, not validated (the audit records refused requests too): never throws on a malformed Decimal.
    private static string Text(Wire.Decimal? d)
        => d is null ? "" : $"{(d.Units == 0 && d.Nanos < 0 ? "-" : "")}{d.Units.ToString(CultureInfo.InvariantCulture)}.{Math.Abs((long)d.Nanos):D9}".TrimEnd('0').TrimEnd('.');

    private sealed record Summary : IAuditSummary
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        public string Portfolio { get; init; } = "";

        public int Bytes { get; init; }

        public string Sha256 { get; init; } = "";

        public int? Positions { get; init; }

        public int? Orders { get; init; }

        public int? Balances { get; init; }

        public string? Rulebook { get; init; }

        public string? Instruments { get; init; }

        public string? Market { get; init; }

        public string? Order { get; init; }

        public IReadOnlyList<string> Figures { get; init; } = [];

        public string ToJson() => JsonSerializer.Serialize(this, Options);
    }
}
