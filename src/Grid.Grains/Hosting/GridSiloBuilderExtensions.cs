using Grid.Grains;
using Grid.Grains.Accounts;
using Grid.Abstractions.Accounts;
using Grid.Abstractions.Market;
using Grid.Abstractions.Risk;
using Grid.Abstractions.House;
using Grid.Grains.House;
using Grid.Grains.Market;
using Grid.Grains.Monitoring;
using Grid.Grains.Storage;
using Orleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Hosting;

/// <summary>Registers the grid's grains and the silo-local market snapshot.</summary>
public static class GridSiloBuilderExtensions
{
    /// <summary>
    /// The embedded default's storage: grain state kept as objects in this silo (no serialization).
    /// Single-silo only; Redis mode stores durably.
    /// </summary>
    public static ISiloBuilder AddGridMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(GridStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<SiloMemoryGrainStorage>(sp));
        return silo;
    }

    /// <summary>
    /// Adds the market snapshot (one per silo, fed by the market directory) and its listing for margin
    /// simulations (<see cref="IListedMarketSource"/>), the house runs (a grain service per silo, the
    /// schedule, the supervisory report; options from <c>Grid:House</c>), account options bound
    /// from <c>Grid:Accounts</c> and the registry's from <c>Grid:Registry</c>, validated at start, and the clock. Grain storage named
    /// <c>grid</c> must be added separately (memory or Redis).
    /// </summary>
    public static ISiloBuilder AddGridGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        var services = silo.Services;
        services.TryAddSingleton(TimeProvider.System);
        // Whole records through the grid's grain storage, unless the host chose a journal (Redis mode).
        services.TryAddSingleton<IAccountStoreSource, WholeRecordStoreSource>();
        services.TryAddSingleton<LocalAccounts>();
        services.AddSingleton<MarketView>();
        services.AddSingleton<IMarketFeed>(sp => sp.GetRequiredService<MarketView>());
        services.AddSingleton<IMarketSteps, MarketSteps>();
        services.AddSingleton<IListedMarketSource, ListedMarketSource>();
        services.AddSingleton<MarketSubscription>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MarketSubscription>());
        services.AddSingleton<SiloMarginMonitor>();
        services.AddSingleton<RiskEventFeed>();
        services.AddSingleton<IRiskEventFeed>(sp => sp.GetRequiredService<RiskEventFeed>());
        services.AddSingleton<RiskEventSubscription>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloFailureWatch>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RiskEventSubscription>());
        services.AddSingleton<HouseRiskBoard>();
        services.AddSingleton<IHouseRiskSilos, HouseRiskSilos>();
        services.AddSingleton<HouseFanout>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<HouseFanout>());
        services.AddSingleton<ISupervisoryReports, SupervisoryReports>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, HouseRiskSchedule>();
        silo.AddGrainService<HouseRiskSilo>();
        var house = services.AddOptions<HouseRiskOptions>();
        if (configuration is not null)
        {
            house.Bind(configuration.GetSection(HouseRiskOptions.Section));
        }

        house.ValidateOnStart();
        services.AddSingleton<IValidateOptions<HouseRiskOptions>, HouseRiskOptionsValidator>();
        var options = services.AddOptions<AccountOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(AccountOptions.Section));
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddOptions<Orleans.Configuration.GrainCollectionOptions>().Configure<IOptions<AccountOptions>>((collection, accounts) =>
        {
            if (accounts.Value.IdleDeactivation > TimeSpan.Zero)
            {
                // Orleans keys collection ages by the grain class's full name.
                collection.ClassSpecificCollectionAge[typeof(AccountGrain).FullName!] = accounts.Value.IdleDeactivation;
            }
        });
        var registry = services.AddOptions<AccountRegistryOptions>();
        if (configuration is not null)
        {
            registry.Bind(configuration.GetSection(AccountRegistryOptions.Section));
        }

        registry.ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountRegistryOptions>, AccountRegistryOptionsValidator>();
        return silo;
    }
}
