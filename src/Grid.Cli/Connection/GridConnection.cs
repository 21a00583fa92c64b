using Grid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Grid.Cli.Connection;

/// <summary>
/// One channel to the grid with a client per service and the call options every call carries:
/// the API key header and, for unary calls, the deadline. Tests build it over a fake
/// <see cref="CallInvoker"/>; the app opens a real channel with <see cref="Open"/>.
/// </summary>
internal sealed class GridConnection : IDisposable
{
    private readonly GrpcChannel? _channel;
    private readonly Metadata _headers = [];

    /// <summary>A connection over <paramref name="invoker"/>; disposes <paramref name="channel"/> when given.</summary>
    public GridConnection(CallInvoker invoker, ConnectionSettings settings, GrpcChannel? channel = null)
    {
        Settings = settings;
        _channel = channel;
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            _headers.Add(ConnectionSettings.ApiKeyHeader, settings.ApiKey);
        }

        PreTrade = new PreTrade.PreTradeClient(invoker);
        Accounts = new Accounts.AccountsClient(invoker);
        MarketData = new MarketData.MarketDataClient(invoker);
        Admin = new Admin.AdminClient(invoker);
        RiskEvents = new RiskEvents.RiskEventsClient(invoker);
        Margin = new Margin.MarginClient(invoker);
    }

    /// <summary>Where the connection points.</summary>
    public ConnectionSettings Settings { get; }

    /// <summary>Pre-trade checks.</summary>
    public PreTrade.PreTradeClient PreTrade { get; }

    /// <summary>Account views, what-if and treasury.</summary>
    public Accounts.AccountsClient Accounts { get; }

    /// <summary>Price intake.</summary>
    public MarketData.MarketDataClient MarketData { get; }

    /// <summary>Operator controls.</summary>
    public Admin.AdminClient Admin { get; }

    /// <summary>Margin-state events.</summary>
    public RiskEvents.RiskEventsClient RiskEvents { get; }

    /// <summary>The margin simulator.</summary>
    public Margin.MarginClient Margin { get; }

    /// <summary>Opens a channel to <see cref="ConnectionSettings.Server"/> (h2c for http://, TLS for https://).</summary>
    public static GridConnection Open(ConnectionSettings settings)
    {
        var channel = GrpcChannel.ForAddress(settings.Server);
        return new GridConnection(channel.CreateCallInvoker(), settings, channel);
    }

    /// <summary>Options of a unary call: headers and deadline.</summary>
    public CallOptions Unary(CancellationToken cancellation) =>
        new(_headers, DateTime.UtcNow + Settings.Deadline, cancellation);

    /// <summary>Options of a server stream: headers, no deadline (it runs until stopped).</summary>
    public CallOptions Stream(CancellationToken cancellation) => new(_headers, null, cancellation);

    /// <inheritdoc />
    public void Dispose() => _channel?.Dispose();
}
