using System.Globalization;
using Grid.HopCosts;
using Grid.HopCosts.Audit;
using Grid.HopCosts.Calls;
using Grid.HopCosts.Conversions;
using Grid.HopCosts.Lanes;
using Grid.HopCosts.Resident;
using Microsoft.Extensions.DependencyInjection;

// dotnet loadtests/Grid.HopCosts/bin/Release/net10.0/Grid.HopCosts.dll [calls|conversions|audit|lanes|resident|shape|all] [scale]
// dotnet loadtests/Grid.HopCosts/bin/Release/net10.0/Grid.HopCosts.dll registry [accounts,…] [claims] [redis connection]   (issue 15: registry claims and lookups)
// Prints Markdown tables: the costs of the options of issue 14, measured on this machine.
var mode = args.Length > 0 ? args[0] : "all";
var scale = args.Length > 1 && mode != "registry" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
var output = Console.Out;
output.WriteLine($"Grid.HopCosts {mode}: {Environment.ProcessorCount} cores, Server GC {System.Runtime.GCSettings.IsServerGC}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

if (mode == "registry")
{
    var sizes = (args.Length > 1 ? args[1] : "10000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    await Grid.HopCosts.Registry.RegistryCost.Run(output, sizes, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000, args.Length > 3 ? args[3] : "");
    return;
}

if (mode == "shape")
{
    // Issue 16 item 4: bytes per resident account of its shape, with records stored serialized (as in Redis).
    using var shaped = await SiloHost.Start(silo => silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(
        Grid.Grains.GridStorage.Name, (sp, _) => new SerializedGrainStorage(new Orleans.Storage.OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()))));
    await ResidentShapeBytes.Run(shaped.Services, output, (int)(20_000 * scale));
    await shaped.StopAsync();
    return;
}

if (mode is "conversions" or "all")
{
    ConversionCost.Run(output, (int)(1_000_000 * scale));
}

if (mode is "audit" or "all")
{
    await AuditCost.Run(output, (int)(2_000_000 * scale));
}

if (mode is "lanes" or "all")
{
    await LaneBatching.Run(output, (int)(200_000 * scale), callUs: 12, commandUs: 4);
}

if (mode is "calls" or "resident" or "all")
{
    using var host = await SiloHost.Start();
    if (mode is "calls" or "all")
    {
        await GrainCallCost.Run(host.Services.GetRequiredService<IGrainFactory>(), output, (int)(200 * scale));
    }

    if (mode is "resident" or "all")
    {
        await ResidentBytes.Run(host.Services, output, (int)(5_000 * scale));
    }

    await host.StopAsync();
}
