using System.Threading.Channels;
using Grid.Abstractions.Market;
using Grid.Risk.Instruments;
using Grid.Risk.Rulebooks;

namespace Grid.Grains.Market;

/// <summary>
/// The silo-local market: every account grain on this silo reads <see cref="Frame"/> for its checks
/// (no grain call on the check path). Fed by the market directory through <see cref="IMarketObserver"/>;
/// each change batch yields a new immutable frame (newest version of each item wins). The changes it
/// applies are also passed on to the gateway's price watchers (<see cref="IMarketFeed"/>).
/// </summary>
public sealed class MarketView(TimeProvider clock) : IMarketObserver, IMarketFeed
{
    private readonly Lock _gate = new();
    private readonly List<Channel<MarketChange>> _watchers = [];
    private readonly Dictionary<string, InstrumentInfo> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnderlyingInfo> _underlyings = new(StringComparer.Ordinal);
    private RulebookInfo? _rulebook;
    private (string Json, Rulebook Book)? _parsed;
    private volatile MarketFrame? _frame;
    private long _version;
    private long _catalog;

    /// <summary>Raised after a new frame is in place (outside the lock).</summary>
    public event Action<MarketFrame>? FrameChanged;

    /// <summary>The current frame (an empty market on the default rulebook until something is published).</summary>
    public MarketFrame Frame => _frame ?? Rebuild();

    /// <summary>
    /// <see cref="Frame"/> as a delegate, one per silo: every account processor reads the market through it, and a
    /// lambda per activation cost 64 B per active account (issue 16).
    /// </summary>
    public Func<MarketFrame> Frames => field ??= () => Frame;

    /// <inheritdoc />
    public Task Changed(MarketChange[] changes)
    {
        Apply(changes);
        return Task.CompletedTask;
    }

    /// <summary>Replaces everything with a full state (silo start, resubscription).</summary>
    public void Load(MarketState state)
    {
        var changes = new List<MarketChange>();
        if (state.Rulebook is not null)
        {
            changes.Add(new MarketChange { Rulebook = state.Rulebook });
        }

        changes.AddRange(state.Underlyings.Select(u => new MarketChange { Underlying = u }));
        changes.AddRange(state.Instruments.Select(i => new MarketChange { Instrument = i }));
        Apply(changes);
    }

    /// <summary>Applies changes; stale versions are ignored.</summary>
    public void Apply(IReadOnlyCollection<MarketChange> changes)
    {
        MarketFrame frame;
        lock (_gate)
        {
            var any = false;
            foreach (var c in changes)
            {
                if (Merge(c))
                {
                    any = true;
                    foreach (var w in _watchers)
                    {
                        w.Writer.TryWrite(c);
                    }
                }
            }

            if (!any && _frame is not null)
            {
                return;
            }

            frame = BuildLocked();
        }

        FrameChanged?.Invoke(frame);
    }

    /// <inheritdoc />
    public MarketState Snapshot()
    {
        lock (_gate)
        {
            return new MarketState { Rulebook = _rulebook, Instruments = [.. _instruments.Values], Underlyings = [.. _underlyings.Values] };
        }
    }

    /// <inheritdoc />
    public bool TryGetOptionMark(string instrumentId, out decimal mark, out DateTimeOffset observedAt)
    {
        mark = 0;
        observedAt = default;
        var frame = Frame;
        if (!frame.Model.TryGetInstrument(instrumentId, out var index) || !frame.Instruments.TryGetValue(instrumentId, out var info) || !info.Spec.Kind.IsOption())
        {
            return false;
        }

        var value = frame.Model.Instruments[index].Mark;
        if (!(value >= 0 && value < 1e15))
        {
            return false;
        }

        mark = Math.Round((decimal)value, 9);
        observedAt = info.VolAt;
        lock (_gate)
        {
            if (info.Spec.Underlying is { } asset && _underlyings.TryGetValue(asset, out var u))
            {
                var forward = u.Forwards.FirstOrDefault(f => f.Expiry == info.Spec.Expiry);
                var input = forward?.At ?? u.IndexAt;
                observedAt = input > observedAt ? input : observedAt;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ChannelReader<MarketChange> Subscribe(int capacity, CancellationToken cancellation)
    {
        var channel = Channel.CreateBounded<MarketChange>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        cancellation.Register(() =>
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    private bool Merge(MarketChange c)
    {
        if (c.Instrument is { } i && (!_instruments.TryGetValue(i.Spec.Id, out var old) || old.Version < i.Version))
        {
            _instruments[i.Spec.Id] = i;
            _catalog += old is null || old.Spec != i.Spec ? 1 : 0;
            RecordLag(old?.MarkAt, i.MarkAt);
            return true;
        }

        if (c.Underlying is { } u && (!_underlyings.TryGetValue(u.Asset, out var oldU) || oldU.Version < u.Version))
        {
            _underlyings[u.Asset] = u;
            RecordLag(oldU?.IndexAt, u.IndexAt);
            return true;
        }

        if (c.Rulebook is { } r && (_rulebook is null || _rulebook.Revision < r.Revision))
        {
            _rulebook = r;
            return true;
        }

        return false;
    }

    // Only a new price is measured: the age of its observation when it reaches this silo.
    private void RecordLag(DateTimeOffset? before, DateTimeOffset observed)
    {
        if (observed != default && observed != before)
        {
            Abstractions.GridMetrics.PriceLag.Record(Math.Max(0, (clock.GetUtcNow() - observed).TotalSeconds));
        }
    }

    private MarketFrame Rebuild()
    {
        lock (_gate)
        {
            return _frame ?? BuildLocked();
        }
    }

    private MarketFrame BuildLocked()
    {
        var frame = MarketAssembler.Assemble(
            new MarketFrameKey(++_version, _catalog, _frame?.Model), _rulebook, ParsedRulebook(), new Dictionary<string, InstrumentInfo>(_instruments),
            new Dictionary<string, UnderlyingInfo>(_underlyings), clock.GetUtcNow());
        _frame = frame;
        return frame;
    }

    // Parsed once per rulebook document, not once per price batch (a rate change keeps the document).
    private Rulebook ParsedRulebook()
    {
        if (_rulebook is null)
        {
            return Rulebook.Default;
        }

        if (_parsed is not { } parsed || parsed.Json != _rulebook.Json)
        {
            parsed = (_rulebook.Json, RulebookReader.Parse(_rulebook.Json));
            _parsed = parsed;
        }

        return parsed.Book;
    }
}
