using System.Diagnostics.Metrics;
using Grid.Abstractions;
using Grid.Console.Views;
using Microsoft.Extensions.Hosting;

namespace Grid.Console.Live;

/// <summary>
/// Rolling rates of the pre-trade checks this node answers, from the grid's own meter
/// (<c>grid.checks</c>, tags decision and reason): a ring of per-second buckets, each counted with
/// atomic adds, so the accept path pays one listener callback and no lock. Starts with the host.
/// </summary>
internal sealed class CheckActivity(TimeProvider clock) : IHostedService, IDisposable
{
    /// <summary>Seconds kept for the series and the reject reasons.</summary>
    public const int WindowSeconds = 60;

    /// <summary>Seconds the headline rates are averaged over.</summary>
    public const int RateSeconds = 5;

    private const string ChecksInstrument = "grid.checks";
    private const int Slots = WindowSeconds + 4;
    private readonly ActivityBucket?[] _ring = new ActivityBucket?[Slots];
    private readonly Lock _rollover = new();
    private MeterListener? _listener;
    private long _checksTotal;
    private long _rejectsTotal;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
        {
            return Task.CompletedTask;
        }

        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GridMetrics.MeterName && instrument.Name == ChecksInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(OnMeasurement);
        listener.Start();
        _listener = listener;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }

    /// <summary>Counts <paramref name="count"/> checks answered with <paramref name="decision"/> (metric tag values).</summary>
    public void Record(string? decision, string? reason, long count = 1)
    {
        var bucket = Current(Second());
        Interlocked.Add(ref bucket.Checks, count);
        Interlocked.Add(ref _checksTotal, count);
        if (decision == "reject")
        {
            Interlocked.Add(ref bucket.Rejects, count);
            Interlocked.Add(ref _rejectsTotal, count);
            bucket.Reasons.AddOrUpdate(DisplayNames.Code(reason ?? "other"), static (_, c) => c, static (_, v, c) => v + c, count);
        }
    }

    /// <summary>Rates over the last complete seconds, the per-second series and the reasons of the window.</summary>
    public ActivityView Snapshot()
    {
        var now = Second();
        var series = new long[WindowSeconds];
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
        long recentChecks = 0, recentRejects = 0;
        for (var k = 0; k < WindowSeconds; k++)
        {
            // The current second is still counting: the window ends with the last complete one.
            var second = now - WindowSeconds + k;
            if (Volatile.Read(ref _ring[Slot(second)]) is not { } b || b.Second != second)
            {
                continue;
            }

            series[k] = Interlocked.Read(ref b.Checks);
            if (k >= WindowSeconds - RateSeconds)
            {
                recentChecks += series[k];
                recentRejects += Interlocked.Read(ref b.Rejects);
            }

            foreach (var (code, n) in b.Reasons)
            {
                reasons[code] = reasons.GetValueOrDefault(code) + n;
            }
        }

        return new ActivityView(
            clock.GetUtcNow(),
            (double)recentChecks / RateSeconds,
            (double)recentRejects / RateSeconds,
            Interlocked.Read(ref _checksTotal),
            Interlocked.Read(ref _rejectsTotal),
            WindowSeconds,
            series,
            [.. reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new ReasonRate(r.Key, DisplayNames.Label(r.Key), r.Value, Math.Round((double)r.Value / WindowSeconds, 3)))]);
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? decision = null, reason = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "decision")
            {
                decision = tag.Value as string;
            }
            else if (tag.Key == "reason")
            {
                reason = tag.Value as string;
            }
        }

        Record(decision, reason, value);
    }

    private long Second() => clock.GetTimestamp() / clock.TimestampFrequency;

    private static int Slot(long second) => (int)(second % Slots);

    // The bucket of this second; the first check of a second replaces the slot's stale bucket.
    private ActivityBucket Current(long second)
    {
        ref var slot = ref _ring[Slot(second)];
        var bucket = Volatile.Read(ref slot);
        if (bucket is not null && bucket.Second == second)
        {
            return bucket;
        }

        lock (_rollover)
        {
            bucket = Volatile.Read(ref slot);
            if (bucket is null || bucket.Second != second)
            {
                bucket = new ActivityBucket(second);
                Volatile.Write(ref slot, bucket);
            }

            return bucket;
        }
    }
}
