using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grid.Api.V1;
using Grid.LoadTest.Options;
using Grid.LoadTest.Transport;
using Grid.LoadTest.Workload;
using Grpc.Core;

namespace Grid.LoadTest.Market;

/// <summary>
/// Finds the market the run moves through Admin.ListInstruments: the underlyings of the traded
/// instruments and the options listed on them. With the market-maker profile it first lists what is
/// missing of the 200 BTC options of the books (2 expiries × 50 strikes × call and put, named like the
/// demo catalog's, on the expiries of the BTC options already listed when there are some), so a demo
/// grid's own options are reused where they coincide.
/// </summary>
public static class MarketSetup
{
    /// <summary>Options per market maker's book.</summary>
    public const int BookSize = 200;

    private const string BookUnderlying = "BTC";

    /// <summary>Lists what is missing and returns the generator's market.</summary>
    public static async Task<LiveMarket> Prepare(LoadOptions options, TextWriter output)
    {
        using var channel = EngineChannels.Create(options.Targets[0]);
        var admin = new Admin.AdminClient(channel);
        var headers = new Metadata { { "x-api-key", options.AdminKey } };
        var listed = await ListAll(admin, headers);
        var references = new Dictionary<string, double>(StringComparer.Ordinal);
        var marks = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        foreach (var traded in options.Instruments)
        {
            var spec = listed.FirstOrDefault(s => s.Id == traded.Id)
                ?? throw new InvalidOperationException($"traded instrument {traded.Id} is not listed on the grid");
            if (spec.Underlying.Length == 0 || spec.Kind is InstrumentKind.Option or InstrumentKind.InverseOption)
            {
                continue;
            }

            references.TryAdd(spec.Underlying, (double)traded.Reference);
            if (spec.Kind is not (InstrumentKind.Spot or InstrumentKind.Equity or InstrumentKind.Etf))
            {
                (marks.TryGetValue(spec.Underlying, out var m) ? m : marks[spec.Underlying] = []).Add((traded.Id, (double)traded.Reference));
            }
        }

        IReadOnlyList<string> book = [];
        if (options.Profile == AccountProfile.MarketMaker)
        {
            var reference = references.GetValueOrDefault(BookUnderlying, 60_000);
            references.TryAdd(BookUnderlying, reference);
            book = await ListBook(admin, headers, listed, reference, output);
            listed = await ListAll(admin, headers);
        }

        var now = DateTimeOffset.UtcNow;
        var assets = references.Keys.ToList();
        var feedOptions = listed
            .Where(s => s.Kind == InstrumentKind.Option && assets.Contains(s.Underlying) && s.Expiry is not null && s.Expiry.ToDateTimeOffset() > now.AddDays(1))
            .Select(s => new FeedOption(s.Id, assets.IndexOf(s.Underlying), (double)ToDecimal(s.Strike), s.OptionType == OptionType.Call, s.Expiry.ToDateTimeOffset()))
            .ToList();
        var underlyings = assets.Select((a, u) => new FeedUnderlying(
            a,
            references[a],
            marks.TryGetValue(a, out var m) ? m : [],
            [.. feedOptions.Where(o => o.Underlying == u).Select(o => o.Expiry).Distinct().Order()],
            [.. feedOptions.Select((o, k) => (o, k)).Where(x => x.o.Underlying == u).Select(x => x.k)])).ToList();
        var walk = new MarketWalk(underlyings, feedOptions, options.Seed);
        var bookOptions = book.Select(id => feedOptions.FindIndex(o => o.Id == id)).ToList();
        output.WriteLine($"market: {string.Join(", ", underlyings.Select(u => $"{u.Asset} (index, {u.Marks.Count} marks, {u.Expiries.Count} forwards, {u.Options.Count} option vols)"))}");
        return new LiveMarket(walk, bookOptions);
    }

    // The books' options: the two expiries of the listed BTC options (or 30 and 91 days out at 08:00 UTC),
    // 50 strikes from 2/3 of the reference in steps of 1/75 of it, calls and puts.
    private static async Task<IReadOnlyList<string>> ListBook(Admin.AdminClient admin, Metadata headers, List<InstrumentSpec> listed, double reference, TextWriter output)
    {
        var now = DateTimeOffset.UtcNow;
        var expiries = listed
            .Where(s => s.Kind == InstrumentKind.Option && s.Underlying == BookUnderlying && s.Expiry is not null && s.Expiry.ToDateTimeOffset() > now.AddDays(7))
            .GroupBy(s => s.Expiry.ToDateTimeOffset()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(2).Select(g => g.Key).Order().ToList();
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);
        foreach (var days in new[] { 30, 91 })
        {
            if (expiries.Count < 2 && !expiries.Contains(day.AddDays(days)))
            {
                expiries.Add(day.AddDays(days));
            }
        }

        var step = Math.Max(100, Math.Round(reference / 75 / 100) * 100);
        var first = Math.Round(reference * 2 / 3 / 100) * 100;
        var known = listed.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new List<string>();
        var missing = new List<InstrumentSpec>();
        foreach (var expiry in expiries)
        {
            for (var k = 0; k < BookSize / 4; k++)
            {
                foreach (var call in new[] { true, false })
                {
                    var strike = (decimal)(first + step * k);
                    var id = string.Create(CultureInfo.InvariantCulture, $"{BookUnderlying}-{expiry:yyMMdd}-{strike}-{(call ? "C" : "P")}");
                    ids.Add(id);
                    if (!known.Contains(id))
                    {
                        missing.Add(new InstrumentSpec
                        {
                            Id = id, Kind = InstrumentKind.Option, Group = BookUnderlying, Underlying = BookUnderlying, Multiplier = WireDecimals.From(1),
                            Settlement = "USDC", Expiry = Timestamp.FromDateTimeOffset(expiry), Strike = WireDecimals.From(strike),
                            OptionType = call ? OptionType.Call : OptionType.Put,
                        });
                    }
                }
            }
        }

        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (spec, token)
            => await admin.UpsertInstrumentAsync(new UpsertInstrumentRequest { Instrument = spec }, headers, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: token));
        output.WriteLine($"market makers' book: {ids.Count} {BookUnderlying} options on {string.Join(", ", expiries.Select(e => e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}, {missing.Count} listed now");
        return ids;
    }

    private static async Task<List<InstrumentSpec>> ListAll(Admin.AdminClient admin, Metadata headers)
    {
        var specs = new List<InstrumentSpec>();
        var request = new ListInstrumentsRequest { PageSize = 5_000 };
        do
        {
            var page = await admin.ListInstrumentsAsync(request, headers, deadline: DateTime.UtcNow.AddSeconds(30));
            specs.AddRange(page.Instruments.Select(i => i.Spec));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return specs;
    }

    private static decimal ToDecimal(Api.V1.Decimal? d) => d is null ? 0 : d.Units + d.Nanos / 1_000_000_000m;
}
