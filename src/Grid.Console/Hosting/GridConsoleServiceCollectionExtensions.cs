using Grid.Console;
using Grid.Console.Api;
using Grid.Console.Assets;
using Grid.Console.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the Margin Grid risk console.</summary>
public static class GridConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the risk console's services and <see cref="ConsoleOptions"/> bound from "Grid:Console" and
    /// validated at start. The console reads the grains through <c>IGrainFactory</c>, so the process
    /// must run the silo (or an Orleans client); risk events need the silo's <c>IRiskEventFeed</c>.
    /// Checks/s come from the grid's meter, listened to from the host's start.
    /// </summary>
    public static IServiceCollection AddGridConsole(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<ConsoleOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(ConsoleOptions.Section));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(CheckActivity)))
        {
            return services;
        }

        services.AddSingleton<CheckActivity>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckActivity>());
        services.AddSingleton<RiskEventSource>();
        services.AddSingleton<AccountSource>();
        services.AddSingleton<MarketSource>();
        services.AddSingleton<OverviewSource>();
        services.AddSingleton<WhatIfPreview>();
        services.TryAddSingleton<Grid.Risk.Simulation.PortfolioSimulator>();
        services.AddSingleton<SimulatorCall>();
        services.AddSingleton<HouseSource>();
        services.AddSingleton<ConsoleEvents>();
        services.AddSingleton<ConsoleAssets>();
        return services;
    }
}
