using System.Globalization;
using System.Text.Json;
using Grid.Risk.Accounts;
using Grid.Risk.Instruments;
using Grid.Risk.Market;
using Grid.Risk.Rulebooks;
using static Grid.Risk.Rulebooks.JsonFields;

namespace Grid.Risk.Documents;

/// <summary>
/// Reads instruments, market snapshots and portfolios from JSON in the layout of the methodology's
/// conformance cases (spec/cases/README.md). Errors name the field.
/// </summary>
public static class RiskDocumentReader
{
    /// <summary>Reads an array of instrument specs.</summary>
    public static List<Instrument> Instruments(JsonElement array, string path = "instruments")
    {
        var list = new List<Instrument>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new RiskInputException(path, "expected an array");
        }

        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            list.Add(Instrument(e, Index(path, i++)));
        }

        return list;
    }

    /// <summary>Reads one instrument spec.</summary>
    public static Instrument Instrument(JsonElement e, string path)
    {
        return Guard(path, () =>
        {
            var id = Text(Required(e, "id", path), Join(path, "id"));
            var kindText = OptionalText(e, "kind", path);
            if (!InstrumentKindExtensions.TryParse(kindText, out var kind))
            {
                throw new RiskInputException(Join(path, "kind"), $"'{kindText}' is not a known instrument kind");
            }

            OptionType? type = OptionalText(e, "optionType", path) switch
            {
                null => null,
                "C" or "call" => OptionType.Call,
                "P" or "put" => OptionType.Put,
                var other => throw new RiskInputException(Join(path, "optionType"), $"'{other}' is not C or P"),
            };
            return new Instrument
            {
                Id = id,
                Kind = kind,
                Group = OptionalText(e, "group", path),
                Underlying = OptionalText(e, "underlying", path),
                Multiplier = Number(e, "multiplier", path, 1),
                Settlement = OptionalText(e, "settlement", path),
                Expiry = OptionalText(e, "expiry", path) is { } x ? Instant(x, Join(path, "expiry")) : null,
                Strike = Number(e, "strike", path, 0),
                OptionType = type,
                Quote = OptionalText(e, "quote", path),
                Std = TryGet(e, "std", out var std) ? StdStyle(std, Join(path, "std")) : null,
            };
        });
    }

    /// <summary>Reads a market snapshot.</summary>
    public static MarketSnapshot Market(JsonElement m, string path = "market")
    {
        return Guard(path, () =>
        {
            var forwards = new Dictionary<string, IReadOnlyDictionary<DateTimeOffset, double>>(StringComparer.Ordinal);
            if (TryGet(m, "forwards", out var f))
            {
                foreach (var u in ObjectAt(f, Join(path, "forwards")).EnumerateObject())
                {
                    var curve = new Dictionary<DateTimeOffset, double>();
                    foreach (var p in ObjectAt(u.Value, $"{path}.forwards.{u.Name}").EnumerateObject())
                    {
                        curve[Instant(p.Name, $"{path}.forwards.{u.Name}")] = Number(p.Value, $"{path}.forwards.{u.Name}.{p.Name}");
                    }

                    forwards[u.Name] = curve;
                }
            }

            var arrays = new Dictionary<string, double[]>(StringComparer.Ordinal);
            if (TryGet(m, "riskArrays", out var ra))
            {
                foreach (var p in ObjectAt(ra, Join(path, "riskArrays")).EnumerateObject())
                {
                    arrays[p.Name] = ArrayAt(p.Value, $"{path}.riskArrays.{p.Name}").EnumerateArray().Select((v, j) => Number(v, $"{path}.riskArrays.{p.Name}[{j}]")).ToArray();
                }
            }

            return new MarketSnapshot
            {
                AsOf = Instant(Text(Required(m, "asOf", path), Join(path, "asOf")), Join(path, "asOf")),
                Index = Map(m, "index", path),
                Marks = Map(m, "marks", path),
                Forwards = forwards,
                Vols = Map(m, "vols", path),
                Rate = Number(m, "rate", path, 0),
                DivYields = Map(m, "divYields", path),
                RiskArrays = arrays,
                SpanDeltas = Map(m, "spanDeltas", path),
                OpenInterest = Map(m, "openInterest", path),
            };
        });
    }

    /// <summary>Reads a portfolio (balances, positions, orders, regime, previous state).</summary>
    public static Portfolio Portfolio(JsonElement a, string path = "account")
    {
        return Guard(path, () =>
        {
            ObjectAt(a, path);
            var positions = new List<Position>();
            if (TryGet(a, "positions", out var ps))
            {
                var i = 0;
                foreach (var p in ArrayAt(ps, Join(path, "positions")).EnumerateArray())
                {
                    var pp = Index(Join(path, "positions"), i++);
                    positions.Add(new Position(
                        Text(Required(p, "instrument", pp), Join(pp, "instrument")), RequiredNumber(p, "qty", pp),
                        Number(p, "entry", pp, 0), Number(p, "funding", pp, 0)));
                }
            }

            var orders = new List<RestingOrder>();
            if (TryGet(a, "orders", out var os))
            {
                var i = 0;
                foreach (var o in ArrayAt(os, Join(path, "orders")).EnumerateArray())
                {
                    orders.Add(Order(o, Index(Join(path, "orders"), i++)));
                }
            }

            return new Portfolio
            {
                Regime = OptionalText(a, "regime", path) switch
                {
                    null or "PM" => MarginRegime.Pm,
                    "STD" => MarginRegime.Std,
                    var other => throw new RiskInputException(Join(path, "regime"), $"'{other}' is not PM or STD"),
                },
                Balances = Map(a, "balances", path),
                Positions = positions,
                Orders = orders,
                PreviousState = OptionalText(a, "previousState", path) is { } s ? State(s, Join(path, "previousState")) : null,
            };
        });
    }

    /// <summary>Reads an order {instrument, side, qty, price}.</summary>
    public static RestingOrder Order(JsonElement o, string path)
    {
        var side = Text(Required(o, "side", path), Join(path, "side")) switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            var other => throw new RiskInputException(Join(path, "side"), $"'{other}' is not buy or sell"),
        };
        return new RestingOrder(Text(Required(o, "instrument", path), Join(path, "instrument")), side,
            RequiredNumber(o, "qty", path), RequiredNumber(o, "price", path), OptionalText(o, "orderId", path));
    }

    /// <summary>Parses a state name such as LIQUIDATE.</summary>
    public static AccountState State(string text, string path) => text switch
    {
        "OK" => AccountState.Ok,
        "REDUCE_ONLY" => AccountState.ReduceOnly,
        "LIQUIDATE" => AccountState.Liquidate,
        "BANKRUPT" => AccountState.Bankrupt,
        _ => throw new RiskInputException(path, $"'{text}' is not OK, REDUCE_ONLY, LIQUIDATE or BANKRUPT"),
    };

    private static StdOverride StdStyle(JsonElement e, string path) => new()
    {
        Style = OptionalText(e, "style", path) switch
        {
            "hyperliquid" => Rulebooks.StdStyle.Hyperliquid,
            "dydx" => Rulebooks.StdStyle.Dydx,
            null or "bracket" => Rulebooks.StdStyle.Bracket,
            var other => throw new RiskInputException(Join(path, "style"), $"'{other}' is not bracket, hyperliquid or dydx"),
        },
        Leverage = Number(e, "leverage", path, 0),
        MaxLeverage = Number(e, "maxLeverage", path, 0),
        Imf = Number(e, "imf", path, 0),
        Mmf = Number(e, "mmf", path, 0),
        OiLowerCap = Number(e, "oiLowerCap", path, 0),
        OiUpperCap = Number(e, "oiUpperCap", path, 0),
    };

    private static Dictionary<string, double> Map(JsonElement obj, string name, string path)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (TryGet(obj, name, out var m))
        {
            foreach (var p in ObjectAt(m, Join(path, name)).EnumerateObject())
            {
                map[p.Name] = Number(p.Value, $"{path}.{name}.{p.Name}");
            }
        }

        return map;
    }

    private static JsonElement ObjectAt(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Object ? e : throw new RiskInputException(path, $"expected an object, got {e.ValueKind}");

    private static JsonElement ArrayAt(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Array ? e : throw new RiskInputException(path, $"expected an array, got {e.ValueKind}");

    private static DateTimeOffset Instant(string text, string path)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new RiskInputException(path, $"'{text}' is not an ISO instant");

    // Rulebook-style field errors become input errors with the same path.
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RulebookException e)
        {
            throw new RiskInputException(e.Field, e.Message);
        }
    }
}
