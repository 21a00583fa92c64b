using BenchmarkDotNet.Attributes;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Market;

namespace Grid.Benchmarks;

/// <summary>
/// Pre-trade check on the benchmark account: the incremental fast path against the reference
/// (copy the book, add the order, re-evaluate), measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class PreTradeBenchmarks
{
    private AccountBook _book = null!;
    private int _perp;
    private int _option;
    private TradingLimits _limits;
    private AccountControls _controls;

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchmarkAccount.Model();
        _book = AccountBook.Create(model, BenchmarkAccount.Portfolio());
        _perp = model.Instrument("BTC-PERP").Index;
        _option = model.Instrument("BTC-30D-64000-C").Index;
        _ = _book.Check(_perp, Side.Buy, 1, 60_050);
        _limits = new TradingLimits { PriceBand = 0.1, MaxOrderNotional = 10_000_000, MaxPosition = 1_000 };
        _controls = new AccountControls { MaxOpenOrders = 1_000 };
    }

    /// <summary>The reference check: copy the book, add the order, re-evaluate every group.</summary>
    [Benchmark(Baseline = true)]
    public PreTradeResult ReferenceCheckPerp() => _book.CheckReference(_book.Model.Instruments[_perp], Side.Buy, 1, 60_050);

    /// <summary>Incremental check of a perp order: one group previewed, the rest cached.</summary>
    [Benchmark]
    public PreTradeResult IncrementalCheckPerp() => _book.Check(_perp, Side.Buy, 1, 60_050);

    /// <summary>The one decision the account grain makes: every policy gate, then the incremental check of a perp order.</summary>
    [Benchmark]
    public PreTradeResult GatedCheckPerp() => OrderGate.Check(_book, new OrderTerms(_perp, Side.Buy, 1, 60_050), _limits, _controls);

    /// <summary>Incremental check of an option order (short-option minimum slot lookup included).</summary>
    [Benchmark]
    public PreTradeResult IncrementalCheckOption() => _book.Check(_option, Side.Sell, 2, 2_100);
}
