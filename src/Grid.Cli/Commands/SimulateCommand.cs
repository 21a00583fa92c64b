using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;
using Grid.Cli.Views;

namespace Grid.Cli.Commands;

/// <summary><c>grid simulate</c>: Margin.Simulate, a portfolio margined without an account.</summary>
internal sealed class SimulateCommand : ICommand
{
    private static readonly OptionSpec Order = new("order", "INSTR:SIDE:QTY:PRICE", "a candidate order: its decision and max size, e.g. BTC-PERP:buy:1:60000");
    private static readonly OptionSpec Market = new("market", "FILE", "margin against this market (JSON in the cases' layout) instead of the live one");
    private static readonly OptionSpec Rulebook = new("rulebook", "FILE", "margin with this rulebook (JSON, the format of `grid rulebook show --json`) instead of the one in force");
    private static readonly OptionSpec Instruments = new("instruments", "FILE", "margin with these instruments (a JSON array in the cases' layout) instead of the live listing");
    private static readonly OptionSpec Balance = new("balance", "ASSET:AMOUNT", "a balance of a CSV portfolio, e.g. USDT:250000 (repeatable; negative is a borrow)", Repeatable: true);
    private static readonly OptionSpec Regime = new("regime", "pm|std", "the regime of a CSV portfolio (default: the rulebook's)");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Role = "trader",
        Name = "simulate",
        Summary = "margin a portfolio that is not an account: breakdown, an order's decision, siloed vs cross, stress",
        Usage = "simulate <portfolio.json|positions.csv> [--order INSTR:SIDE:QTY:PRICE] [--market m.json] [--rulebook r.json] [--instruments i.json] [--balance ASSET:AMOUNT]... [--regime pm|std]",
        Notes =
        [
            "Against the live market and rulebook unless files give them; no account is created or touched.",
            "A JSON portfolio is sent as it is: a case of shared/spec/cases ({\"input\": {...}, \"order\": {...}}), the same",
            "without \"input\", or a bare account {\"regime\", \"balances\", \"positions\", \"orders\"}. Errors name its JSON path.",
            $"A CSV portfolio holds positions, one a line, under a header naming the columns: {PositionsCsv.Columns}",
            "(instrument id, signed contracts, entry price, unsettled funding); its balances come from --balance.",
        ],
        Parameters = [new("<portfolio>", "a .json portfolio document, or a .csv of positions")],
        Options = [Order, Market, Rulebook, Instruments, Balance, Regime],
        Examples =
        [
            "grid simulate portfolio.json",
            "grid simulate portfolio.json --order BTC-PERP:buy:2:60000",
            "grid simulate positions.csv --balance USD:1000000 --order ETH-PERP:sell:50:3000",
            "grid simulate case.json --market market.json --rulebook rulebook.json --json",
        ],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(1);
        var path = args.Required(0, "<portfolio>");
        var text = await Read(path, "<portfolio>", invocation.Cancellation);
        var request = new SimulateRequest { CompareRegimes = true, Stress = true, CreditDependency = true };
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            request.Holdings = Holdings(text, path, args);
        }
        else if (args.Has(Balance.Name) || args.Has(Regime.Name))
        {
            throw new UsageException("--balance and --regime go with a CSV portfolio: a JSON portfolio holds its own balances and regime");
        }
        else
        {
            request.DocumentJson = text;
            request.MaxOrderSize = CarriesOrder(text);
        }

        if (args.Option(Market.Name) is { } market)
        {
            request.MarketJson = await Read(market, "--market", invocation.Cancellation);
        }

        if (args.Option(Rulebook.Name) is { } rulebook)
        {
            request.RulebookJson = await Read(rulebook, "--rulebook", invocation.Cancellation);
        }

        if (args.Option(Instruments.Name) is { } instruments)
        {
            request.InstrumentsJson = await Read(instruments, "--instruments", invocation.Cancellation);
        }

        if (args.Option(Order.Name) is { } order)
        {
            request.Order = WhatIfCommand.ParseOrder(order, "candidate");
            request.MaxOrderSize = true;
        }

        var response = await invocation.Grid.Margin.SimulateAsync(request, invocation.Unary);
        invocation.Print(response, SimulationView.Write);
        return ExitCode.Ok;
    }

    private static SimulatedPortfolio Holdings(string text, string path, Arguments args)
    {
        var holdings = new SimulatedPortfolio
        {
            Regime = args.Option(Regime.Name) is { } regime ? ArgumentValue.Choice<MarginRegime>(regime, "--regime") : MarginRegime.Unspecified,
        };
        holdings.Positions.Add(PositionsCsv.Read(text, path));
        foreach (var balance in args.Options(Balance.Name))
        {
            var colon = balance.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new UsageException($"bad --balance '{balance}': expected ASSET:AMOUNT, e.g. USDT:250000");
            }

            holdings.Balances.Add(new SimulatedBalance
            {
                Asset = ArgumentValue.Text(balance[..colon], "--balance"),
                Amount = DecimalText.ToProto(ArgumentValue.Number(balance[(colon + 1)..], $"amount of --balance '{balance}'")),
            });
        }

        return holdings;
    }

    // A case document carries its candidate order: size it too (the server refuses a size without an order).
    private static bool CarriesOrder(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("order", out var order) && order.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            // The grid names where a document is broken; it is sent as it is.
            return false;
        }
    }

    private static async Task<string> Read(string path, string argument, CancellationToken cancellation)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {argument} '{path}': {e.Message}");
        }
    }
}
