using Grid.Gateway;
using Grid.Gateway.Accounts;
using Grid.Gateway.Admin;
using Grid.Gateway.Benchmark;
using Grid.Gateway.Margin;
using Grid.Gateway.Market;
using Grid.Gateway.PreTrade;
using Grid.Gateway.Monitoring;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Margin Grid gRPC gateway.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps PreTrade, Accounts, MarketData, Admin, RiskEvents and Margin, the Echo benchmark service when
    /// <see cref="GatewayOptions.EnableEcho"/> is set, gRPC reflection and gRPC health. The endpoint
    /// must speak HTTP/2 (an Http2-only Kestrel port for cleartext). RiskEvents and the engine
    /// streams' cancel instructions need the silo's <c>IRiskEventFeed</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapGridGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGrpcService<PreTradeService>();
        endpoints.MapGrpcService<AccountsService>();
        endpoints.MapGrpcService<MarketDataService>();
        endpoints.MapGrpcService<AdminService>();
        endpoints.MapGrpcService<RiskEventsService>();
        endpoints.MapGrpcService<MarginService>();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.EnableEcho)
        {
            endpoints.MapGrpcService<EchoService>();
            GatewayLog.EchoMapped(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EchoService)));
        }

        endpoints.MapGrpcReflectionService();
        endpoints.MapGrpcHealthChecksService();
        return endpoints;
    }
}
