using Grid.Abstractions.House;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.House;

/// <summary>
/// Every silo ticks the house grain (at most every 5 s) while it is active, so the scheduled run happens
/// wherever the grain lives and survives the death of any silo; the grain itself decides whether the
/// interval has passed, so one run follows however many silos tick. Each tick also refreshes this silo's
/// <see cref="HouseRiskBoard"/> (its /metrics).
/// </summary>
internal sealed class HouseRiskSchedule(IGrainFactory grains, HouseRiskBoard board, IOptions<HouseRiskOptions> options, ILogger<HouseRiskSchedule> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(HouseRiskSchedule), ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stop.Dispose();

    private Task Start(CancellationToken ct)
    {
        _loop = Task.Run(Loop);
        return Task.CompletedTask;
    }

    // A tick in flight may be a grain call that waits for its full timeout on a silo that is going away:
    // it is not waited for beyond a moment, so the silo's shutdown stays within its grace period.
    private async Task Stop(CancellationToken ct)
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(StopWait, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task Loop()
    {
        var interval = options.Value.StressInterval;
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero && interval < Longest ? interval : Longest);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    var house = grains.GetGrain<IHouseRiskGrain>(HouseRiskGrain.Key);
                    if (interval > TimeSpan.Zero)
                    {
                        await house.Tick();
                    }

                    board.Update(await house.Latest());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    GrainsLog.HouseTickFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Silo stopping.
        }
    }
}
