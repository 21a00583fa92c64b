using Grid.Abstractions.Engine;
using ErrorCode = Grid.Abstractions.Engine.ErrorCode;
using Grid.Grains.Market;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Margin;
using Grid.Risk.Market;

namespace Grid.Grains.Accounts;

/// <summary>
/// The account's command processor: routes matching-engine commands, treasury requests and funding to the
/// risk core's rules (<see cref="OrderGate"/>, <see cref="Risk.Ledger.FillSettlement"/>,
/// <see cref="Risk.Ledger.BalanceRules"/>, <see cref="Risk.Ledger.FundingSettlement"/>), which change the
/// stored record and mirror it into the book, and keeps the idempotency windows and the rate limit. No
/// Orleans here: the grain owns persistence and concurrency. Single-threaded.
/// </summary>
internal sealed partial class AccountProcessor
{
    private readonly Func<MarketFrame> _market;
    private readonly AccountOptions _options;
    private readonly TimeProvider _clock;
    // Mutable structs (RecentWindow says why): never readonly, never copied.
    private RecentWindow<CheckMemo> _checks;
    private RecentWindow<ulong> _trades;
    private RecentWindow<RequestOutcome> _requests;
    private RecentWindow<RequestOutcome> _funding;
    private readonly OrderRateLimit _rate;
    private readonly RestingOrderIndex _orders;
    private AccountBook? _book;
    private long _bookFrame = -1;

    public AccountProcessor(string accountId, AccountRecord record, Func<MarketFrame> market, AccountOptions options, TimeProvider clock)
    {
        AccountId = accountId;
        Record = record;
        _market = market;
        _options = options;
        _clock = clock;
        _checks = new RecentWindow<CheckMemo>(record.RecentChecks, r => r.OrderIdHash, options.IdempotencyWindow);
        _trades = new RecentWindow<ulong>(record.RecentTrades, t => t, options.IdempotencyWindow);
        _requests = new RecentWindow<RequestOutcome>(record.RecentRequests, r => IdHash.Of(r.RequestId), options.IdempotencyWindow);
        _funding = new RecentWindow<RequestOutcome>(record.RecentFunding, r => IdHash.Of(r.RequestId), options.IdempotencyWindow);
        _rate = new OrderRateLimit(options.MaxOrdersPerSecond, clock);
        _orders = new RestingOrderIndex(record.Orders);
        Venues = new AccountVenues(record.Orders);
    }

    public string AccountId { get; }

    public AccountRecord Record { get; }

    /// <summary>The venues whose index lists the account, and those to join before the next write is acknowledged.</summary>
    public AccountVenues Venues { get; }

    /// <summary>Set when the record changed since the last call to <see cref="TakeChanges"/>.</summary>
    public bool Changed { get; private set; }

    /// <summary>Why the account cannot be margined right now (an instrument it holds has no price), or null.</summary>
    public string? Unpriced { get; private set; }

    /// <summary>Returns and clears <see cref="Changed"/>, bumping the record version when set.</summary>
    public bool TakeChanges()
    {
        if (!Changed)
        {
            return false;
        }

        Changed = false;
        Record.Version++;
        return true;
    }

    /// <summary>
    /// The book against the current market frame; null when unpriced. When the frame moved, the book is
    /// rebased onto it (only the groups the prices moved are repriced); the first build, a layout or
    /// rulebook change, and <see cref="Invalidate"/> rebuild it from the record.
    /// </summary>
    public AccountBook? Book()
    {
        var frame = _market();
        if (_bookFrame == frame.Version && (_book is not null || Unpriced is not null))
        {
            return _book;
        }

        _bookFrame = frame.Version;
        try
        {
            if (_book is null || !_book.TryRebase(frame.Model))
            {
                _book = AccountBook.Create(frame.Model, Record.ToPortfolio());
            }

            Unpriced = null;
        }
        catch (RiskInputException e)
        {
            _book = null;
            Unpriced = e.Message;
        }

        return _book;
    }

    /// <summary>Forces a rebuild from the record (after a failed write the record is reloaded).</summary>
    public void Invalidate()
    {
        _book = null;
        _bookFrame = -1;
        Unpriced = null;
    }

    /// <summary>Applies one command and answers it.</summary>
    public EngineReply Execute(EngineCommand c) => c.Kind switch
    {
        CommandKind.Check => Check(c),
        CommandKind.Fill => Fill(c),
        CommandKind.Cancel => Cancel(c),
        CommandKind.Amend => Amend(c),
        CommandKind.Funding => Funding(c),
        _ => EngineReply.Fail(c, ErrorCode.Malformed, $"kind: {(int)c.Kind} is not a command"),
    };

    /// <summary>Headline figures now, or null when the account cannot be margined.</summary>
    public MarginFigures? Figures() => Book()?.Figures();

    private MarketFrame Frame => _market();

    private AccountControls Controls => new() { Frozen = Record.Frozen, MaxOpenOrders = _options.MaxOpenOrders };

    private void MarkChanged() => Changed = true;

    /// <summary>Null when the order may go on; an OVERLOADED reply when the account sends orders faster than its limit.</summary>
    private EngineReply? Throttled(EngineCommand c)
        => c.ReduceOnly || _rate.TryTake(out var retryAfter)
            ? null
            : EngineReply.Fail(c, ErrorCode.Overloaded, $"the account sends more than {_options.MaxOrdersPerSecond} orders per second (Grid:Accounts:MaxOrdersPerSecond); retry later") with { RetryAfter = retryAfter };
}
