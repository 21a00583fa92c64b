using Grid.Grains.House;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.House;

/// <summary>A silo that begins to stop no longer waits for house parts still in flight (its shutdown has a grace period).</summary>
public sealed class HouseFanoutStopTests
{
    [Fact]
    public async Task APartInFlight_IsAbandoned_WhenTheSiloStops()
    {
        var lifecycle = new RecordingLifecycle();
        using var fanout = new HouseFanout(null!, new NoSilos(), Options.Create(new HouseRiskOptions { PartTimeout = TimeSpan.FromMinutes(5) }));
        fanout.Participate(lifecycle);
        var never = new TaskCompletionSource<int>();

        var part = fanout.Within(SiloAddress.New(System.Net.IPAddress.Loopback, 11111, 1), _ => never.Task);
        await Task.Delay(50);
        Assert.False(part.IsCompleted);

        await lifecycle.StopAsync();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => part.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("stopping", error.Message);
    }

    [Fact]
    public async Task APartThatAnswers_IsReturned()
    {
        var lifecycle = new RecordingLifecycle();
        using var fanout = new HouseFanout(null!, new NoSilos(), Options.Create(new HouseRiskOptions()));
        fanout.Participate(lifecycle);

        Assert.Equal(42, await fanout.Within(SiloAddress.New(System.Net.IPAddress.Loopback, 11111, 1), _ => Task.FromResult(42)));
    }

    private sealed class NoSilos : IHouseRiskSilos
    {
        public IHouseRiskSilo On(SiloAddress silo) => null!;
    }

    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        private readonly List<ILifecycleObserver> _observers = [];

        public int HighestCompletedStage => ServiceLifecycleStage.Active;

        public int LowestStoppedStage => int.MaxValue;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add(observer);
            return new Unsubscriber();
        }

        public async Task StopAsync()
        {
            foreach (var o in _observers)
            {
                await o.OnStop(CancellationToken.None);
            }
        }

        private sealed class Unsubscriber : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
