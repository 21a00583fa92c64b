using System.Text.Json;
using Grid.Risk.Documents;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;

namespace Grid.Risk.Simulation;

/// <summary>
/// Reads a portfolio document in the layout of the conformance cases (spec/cases/README.md), so that a
/// case line or a portfolio file can be sent as it is. Three shapes are accepted:
/// <c>{"input": {"rulebook", "instruments", "market", "account"}, "order"}</c> (a case; errors name
/// <c>input.account.positions[3].qty</c>), the same object without the <c>input</c> wrapper, and a bare
/// account <c>{"regime", "balances", "positions", "orders", "previousState"}</c>. Only the account is
/// required; other keys (a case's id, expected figures, notes) are ignored. Every error names its JSON path.
/// </summary>
public static class SimulationDocument
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] Parts = ["rulebook", "instruments", "market", "account"];

    /// <summary>Reads a whole portfolio document; <paramref name="field"/> names it when the text is not JSON.</summary>
    /// <exception cref="SimulationException">Not JSON, or a field is missing or malformed (the field names its path).</exception>
    public static SimulationInputs Read(string json, string field)
    {
        using var doc = Parse(json, field);
        return Read(doc.RootElement);
    }

    /// <summary>Reads a parsed portfolio document.</summary>
    /// <exception cref="SimulationException">A field is missing or malformed.</exception>
    public static SimulationInputs Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw SimulationException.Invalid("$", $"expected a JSON object, got {root.ValueKind}");
        }

        var (parts, prefix) = root.TryGetProperty("input", out var input) ? (input, "input.") : (root, "");
        if (parts.ValueKind != JsonValueKind.Object)
        {
            throw SimulationException.Invalid("input", $"expected an object, got {parts.ValueKind}");
        }

        var bare = prefix.Length == 0 && !Parts.Any(p => root.TryGetProperty(p, out _));
        JsonElement account;
        if (bare)
        {
            account = root;
        }
        else if (!parts.TryGetProperty("account", out account) || account.ValueKind == JsonValueKind.Null)
        {
            throw SimulationException.Invalid(prefix + "account", "is required: the portfolio's balances, positions and orders");
        }

        var accountPath = bare ? "" : prefix + "account";
        return new SimulationInputs
        {
            Portfolio = Guard(accountPath, () => RiskDocumentReader.Portfolio(account, accountPath)),
            Paths = new DocumentHoldingPaths(accountPath),
            DefaultRegime = !Optional(account, "regime", out _),
            Rulebook = Optional(parts, "rulebook", out var rulebook) ? Rulebook(rulebook, prefix + "rulebook") : null,
            RulebookPath = prefix + "rulebook",
            Instruments = Optional(parts, "instruments", out var instruments) ? Instruments(instruments, prefix + "instruments") : null,
            InstrumentsPath = prefix + "instruments",
            Market = Optional(parts, "market", out var market) ? Market(market, prefix + "market") : null,
            MarketPath = prefix + "market",
            Order = Optional(root, "order", out var order) ? Order(order, "order") : null,
        };
    }

    /// <summary>Parses <paramref name="json"/>; malformed text is refused naming <paramref name="field"/> and where it broke.</summary>
    public static JsonDocument Parse(string json, string field)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw SimulationException.Invalid(field, $"is not valid JSON{where}");
        }
    }

    /// <summary>Reads a rulebook (the format of Admin.LoadRulebook); errors are prefixed with <paramref name="path"/>.</summary>
    public static Rulebook Rulebook(JsonElement e, string path)
    {
        try
        {
            return RulebookReader.Read(e);
        }
        catch (RulebookException x)
        {
            throw SimulationException.Invalid(x.Field.Length == 0 || x.Field == "$" ? path : $"{path}.{x.Field}", Problem(x));
        }
        catch (Exception x) when (x is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw SimulationException.Invalid(path, $"is not a valid rulebook: {x.Message}");
        }
    }

    /// <summary>Reads an array of instrument specs; errors name <c>path[i].field</c>.</summary>
    public static List<Instrument> Instruments(JsonElement e, string path) => Guard(path, () => RiskDocumentReader.Instruments(e, path));

    /// <summary>Reads a market snapshot; errors name <c>path.field</c>.</summary>
    public static MarketSnapshot Market(JsonElement e, string path) => Guard(path, () => RiskDocumentReader.Market(e, path));

    /// <summary>Reads an order <c>{instrument, side, qty, price}</c> as a candidate.</summary>
    public static CandidateOrder Order(JsonElement e, string path)
    {
        var o = Guard(path, () => RiskDocumentReader.Order(e, path));
        return new CandidateOrder(o.Instrument, o.Side, o.Qty, o.Price, false, o.OrderId ?? "");
    }

    private static bool Optional(JsonElement obj, string name, out JsonElement value)
        => obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    // Every reader error becomes a field error; a JSON value of the wrong type names the part it is in.
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RiskInputException e)
        {
            throw SimulationException.Invalid(e.Field, Problem(e));
        }
        catch (RulebookException e)
        {
            throw SimulationException.Invalid(e.Field, Problem(e));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw SimulationException.Invalid(path.Length == 0 ? "$" : path, $"has a value of the wrong type: {e.Message}");
        }
    }

    // The readers' messages start with the field (once per reader that passed the error on: "x: rulebook field
    // 'x': ..."); the exception names the field separately, so every such prefix goes.
    private static string Problem(Exception e)
    {
        var m = e.Message;
        var field = e switch { RiskInputException r => r.Field, RulebookException r => r.Field, _ => "" };
        if (field.Length == 0)
        {
            return m;
        }

        for (var colon = m.IndexOf(": ", StringComparison.Ordinal); colon > 0 && m.AsSpan(0, colon).Contains(field, StringComparison.Ordinal); colon = m.IndexOf(": ", StringComparison.Ordinal))
        {
            m = m[(colon + 2)..];
        }

        return m;
    }
}
