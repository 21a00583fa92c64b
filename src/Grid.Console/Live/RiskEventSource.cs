using System.Threading.Channels;
using Grid.Abstractions.Risk;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Console.Live;

/// <summary>
/// The silo's risk-event feed when the console runs in a silo process; without one (a host that only
/// runs an Orleans client) the console shows no events rather than failing.
/// </summary>
internal sealed class RiskEventSource(IServiceProvider services)
{
    /// <summary>How many recent events the overview reads to refresh account states.</summary>
    public const int Retained = 4_096;

    private readonly IRiskEventFeed? _feed = services.GetService<IRiskEventFeed>();

    /// <summary>The most recent account events (house events, which name no account, left out).</summary>
    public IReadOnlyList<RiskEventData> Recent(int count) => _feed is null ? [] : [.. _feed.Recent(count).Where(e => e.House is null)];

    /// <summary>A bounded subscription (oldest dropped when the reader lags), or null without a feed.</summary>
    public ChannelReader<RiskEventData>? Subscribe(int capacity, CancellationToken cancellationToken) => _feed?.Subscribe(capacity, cancellationToken);
}
