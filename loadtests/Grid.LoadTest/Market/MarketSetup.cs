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
/// instruments and the options listed on them. With the market-maker profile it first lists (Admin.UpsertInstrument)
/// what is missing of the market makers' <see cref="OptionBook"/>.
/// </summary>
public static class MarketSetup
{
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
            var reference = references.GetValueOrDefault(OptionBook.Underlying, 60_000);
            references.TryAdd(OptionBook.Underlying, reference);
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
        if (underlyings.Count == 0)
        {
            throw new UsageException("--prices: no traded instrument has an underlying whose index the feed could move (see --instruments)");
        }

        var walk = new MarketWalk(underlyings, feedOptions, options.Seed);
        var bookOptions = book.Select(id => feedOptions.FindIndex(o => o.Id == id)).ToList();
        if (bookOptions.IndexOf(-1) is var lost and >= 0)
        {
            throw new InvalidOperationException($"the market makers' option {book[lost]} is not listed on the grid after listing it");
        }

        output.WriteLine($"market: {string.Join(", ", underlyings.Select(u => $"{u.Asset} (index, {u.Marks.Count} marks, {u.Expiries.Count} forwards, {u.Options.Count} option vols)"))}");
        return new LiveMarket(walk, bookOptions);
    }

    // Lists the book's options that are missing and returns the book's ids.
    private static async Task<IReadOnlyList<string>> ListBook(Admin.AdminClient admin, Metadata headers, List<InstrumentSpec> listed, double reference, TextWriter output)
    {
        var expiries = OptionBook.Expiries(
            listed.Where(s => s.Kind == InstrumentKind.Option && s.Underlying == OptionBook.Underlying && s.Expiry is not null).Select(s => s.Expiry.ToDateTimeOffset()),
            DateTimeOffset.UtcNow);
        var specs = OptionBook.Specs(expiries, reference);
        var known = listed.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var missing = specs.Where(s => !known.Contains(s.Id)).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (spec, token)
            => await admin.UpsertInstrumentAsync(new UpsertInstrumentRequest { Instrument = spec }, headers, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: token));
        output.WriteLine($"market makers' book: {specs.Count} {OptionBook.Underlying} options on {string.Join(", ", expiries.Select(e => e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}, {missing.Count} listed now");
        return [.. specs.Select(s => s.Id)];
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
