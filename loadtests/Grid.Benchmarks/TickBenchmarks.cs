using BenchmarkDotNet.Attributes;
using Grid.Risk.Accounts;
using Grid.Risk.Decisions;
using Grid.Risk.Market;

namespace Grid.Benchmarks;

/// <summary>
/// The first check after a price tick on a 200-option market maker (<see cref="MarketMakerAccount"/>): the
/// tick moved BTC's index, forwards and vols; the book either moves onto the new model repricing only the
/// BTC group (<see cref="AccountBook.TryRebase"/>) or is rebuilt from the holdings as the account desk used
/// to (<see cref="AccountBook.Create"/> from the portfolio the record converts to). Each call alternates
/// between two tick models, so every call pays for a tick.
/// </summary>
[MemoryDiagnoser]
public class TickBenchmarks
{
    private RiskModel[] _ticks = null!;
    private Portfolio _portfolio = null!;
    private AccountBook _book = null!;
    private int _option;
    private double _price;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var model = MarketMakerAccount.Model();
        var up = MarketMakerAccount.Tick(model, 0.001);
        var down = MarketMakerAccount.Tick(up, -0.001);
        _ticks = [up, down];
        _portfolio = MarketMakerAccount.Portfolio(model);
        _book = AccountBook.Create(model, _portfolio);
        var option = model.Instruments.First(i => i.Spec.Id.EndsWith("-60000-C", StringComparison.Ordinal));
        (_option, _price) = (option.Index, Math.Round(option.Mark * 0.99, 1));
        model.TryGetGroup("BTC", out var btc);
        if (_book.RestingOrderCount != 50 || _book.HoldingCount < 200 || up.MovedGroups(model) != 1UL << btc || down.MovedGroups(up) != 1UL << btc)
        {
            throw new InvalidOperationException("the market maker must hold ≥ 200 options, rest 50 orders, and a tick must move BTC only");
        }
    }

    /// <summary>The desk before: rebuild the whole book on the tick's model, then check.</summary>
    [Benchmark(Baseline = true)]
    public PreTradeResult FirstCheckAfterTickFullRebuild()
    {
        var book = AccountBook.Create(NextTick(), _portfolio);
        return book.Check(_option, Side.Sell, 2, _price);
    }

    /// <summary>Rebase onto the tick's model (BTC repriced, ETH untouched), then check.</summary>
    [Benchmark]
    public PreTradeResult FirstCheckAfterTickRebase()
    {
        _book.TryRebase(NextTick());
        return _book.Check(_option, Side.Sell, 2, _price);
    }

    /// <summary>A check with no tick in between (the steady state both paths return to).</summary>
    [Benchmark]
    public PreTradeResult CheckWithoutTick() => _book.Check(_option, Side.Sell, 2, _price);

    private RiskModel NextTick() => _ticks[_next++ & 1];
}
