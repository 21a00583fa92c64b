using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using WireDecimal = Grid.Api.V1.Decimal;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Values a well-behaved client would send, chosen by field name: pool accounts and instruments,
/// reused order, trade and request ids (so fills, cancels, amendments and idempotency paths meet),
/// sizes and prices near the demo market.
/// </summary>
internal sealed class PlausibleValues(Random random, FuzzVocabulary vocabulary)
{
    private static readonly decimal[] Quantities = [0.001m, 0.01m, 0.1m, 0.5m, 1m, 2m, 10m];
    private static readonly decimal[] Amounts = [0.5m, 1m, 100m, 10_000m, 1_000_000m];
    private static readonly decimal[] OrderPrices = [60_000m, 59_500m, 61_000m, 66_500m, 3_800m, 3_600m, 5_400m, 540m, 200m, 30m, 1m];
    private static readonly decimal[] MarketPrices = [60_000m, 60_300m, 61_000m, 57_000m, 5_400m, 540m, 200m, 420m, 3_700m];
    private static readonly string[] PageTokens = ["", "MTAw", "AAAA", "bm90LWEtdG9rZW4", "garbage", "-1", "eyJvZmZzZXQiOi0xfQ"];

    public string String(FieldDescriptor field) => field.Name switch
    {
        "account_id" or "account_ids" => Pick(vocabulary.Accounts),
        "client_order_id" or "client_order_ids" => $"o-{random.Next(40)}",
        "trade_id" => $"t-{random.Next(2_000)}",
        "request_id" => $"r-{random.Next(300)}",
        "instrument_id" or "instrument_ids" => Pick(vocabulary.Instruments),
        "id" when field.ContainingType.Name == "InstrumentSpec" => random.Next(3) == 0 ? Pick(vocabulary.Instruments) : Pick(FuzzVocabulary.FuzzInstruments),
        "asset" or "settlement" or "quote" or "underlying" => Pick(vocabulary.Assets),
        "group" or "groups" => Pick(vocabulary.Groups),
        "reason" or "halt_reason" => $"fuzz {random.Next(1_000)}",
        "page_token" => Pick(PageTokens),
        "venue_id" => Pick(["test-engine", "test-venue-b", "nope"]),
        "caller" => Pick(["test-admin", "test-engine", "test-marketdata", ""]),
        "action" => Pick(["/grid.v1.Admin/FreezeAccount", "/grid.v1.Accounts/Deposit", "", "Deposit"]),
        _ => Ascii(1 + random.Next(12)),
    };

    public WireDecimal Decimal(FieldDescriptor field) => Wire(field.Name switch
    {
        "qty" => Pick(Quantities),
        "amount" => Pick(Amounts),
        "price" when field.ContainingType.Name is "IndexPrice" or "MarkPrice" or "ForwardPrice" => Pick(MarketPrices),
        "price" => Pick(OrderPrices),
        "vol" => Pick([0.2m, 0.55m, 1.5m]),
        "fee" => Pick([0m, 0.5m, -0.1m]),
        "multiplier" => Pick([1m, 50m, 100m]),
        "strike" => Pick([50_000m, 60_000m, 200m]),
        "leverage" or "max_leverage" => Pick([1m, 10m, 50m]),
        "imf" or "mmf" => Pick([0.01m, 0.05m, 0.5m]),
        "price_band_fraction" => Pick([0.05m, 0.1m, 0.5m]),
        _ => Math.Round((decimal)random.NextDouble() * 1_000m, 2),
    });

    public Timestamp Instant(FieldDescriptor field) => Timestamp.FromDateTimeOffset(field.Name switch
    {
        "expiry" => vocabulary.Now.UtcDateTime.Date.AddHours(8).AddDays(Pick([30, 91, 365])),
        "observed_at" => vocabulary.Now.AddSeconds(-random.Next(600)),
        "since" => vocabulary.Now.AddHours(-random.Next(48)),
        _ => vocabulary.Now,
    });

    public Duration Span() => Duration.FromTimeSpan(TimeSpan.FromMilliseconds(random.Next(60_000)));

    public long Int64() => random.Next(1_000);

    /// <summary>Correlation ids and sequences: large and distinct, never zero.</summary>
    public ulong UInt64(FieldDescriptor field) => field.Name is "correlation_id" or "sequence" ? (ulong)random.NextInt64(1, 1L << 40) : (ulong)random.Next(1_000);

    public uint UInt32(FieldDescriptor field) => field.Name == "page_size" ? Pick([0u, 1u, 10u, 100u]) : (uint)random.Next(100);

    public int Int32() => random.Next(100);

    /// <summary>A defined value, rarely the zero (UNSPECIFIED) one.</summary>
    public int Enum(EnumDescriptor type)
    {
        var values = type.Values.Where(v => v.Number != 0).ToArray();
        return values.Length == 0 || random.Next(20) == 0 ? 0 : Pick(values).Number;
    }

    public static WireDecimal Wire(decimal value)
    {
        var units = decimal.Truncate(value);
        return new WireDecimal { Units = (long)units, Nanos = (int)((value - units) * 1_000_000_000m) };
    }

    private string Ascii(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1))]);

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}
