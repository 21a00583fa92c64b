using Grid.Abstractions.Accounts;
using Grid.Gateway;
using Grid.Gateway.Audit;
using Grid.Gateway.Market;
using Grid.Gateway.Margin;
using Grid.Gateway.PreTrade;
using Grid.Risk.Simulation;
using Grid.Gateway.Security;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the Margin Grid gRPC gateway.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grid.v1 gRPC services, gRPC reflection and health, API-key authentication, the audit
    /// trail (in memory unless the host registers another <see cref="IAuditTrail"/> first),
    /// <see cref="GatewayOptions"/> bound from "Grid:Gateway" and <see cref="MarginOptions"/> from "Grid:Margin",
    /// validated at start, and the margin simulator (live listing from the silo's <c>IListedMarketSource</c>). The services resolve <c>IGrainFactory</c>, so
    /// the host must also run the silo (or an Orleans client) in the same process.
    /// </summary>
    public static IServiceCollection AddGridGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenEngineStreams>();
        services.TryAddSingleton<AccountGrainReferences>();
        services.TryAddSingleton<LocalAccounts>();
        services.TryAddSingleton<AccountExecutor>();
        services.TryAddSingleton<PriceBatchGate>();

        services.AddOptions<MarginOptions>()
            .Bind(configuration.GetSection(MarginOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarginOptions>, MarginOptionsValidator>());
        services.TryAddSingleton<PortfolioSimulator>();

        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddSingleton<CallerDirectory>();
        services.TryAddSingleton<StreamQuota>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(GatewayAuthorization.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayAuthorization.AdminPolicy, p => p
                .AddAuthenticationSchemes(GatewayAuthorization.Scheme)
                .RequireRole(nameof(GatewayRole.Admin)));

        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<IOptions<AuditOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<MemoryAuditTrail>(sp)
            : new DisabledAuditTrail());

        // Outermost first: audit sees what authentication refused; deadlines bound everything inside.
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<AuditInterceptor>();
            o.Interceptors.Add<ApiKeyInterceptor>();
            o.Interceptors.Add<DeadlineInterceptor>();
        });
        services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<GatewayOptions>>((grpc, gateway) => grpc.MaxReceiveMessageSize = gateway.Value.MaxMessageBytes);

        // Portfolio documents are larger than engine messages: the Margin service has its own bound.
        services.AddOptions<GrpcServiceOptions<MarginService>>()
            .Configure<IOptions<MarginOptions>>((grpc, margin) => grpc.MaxReceiveMessageSize = margin.Value.MaxRequestBytes);
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        return services;
    }
}
