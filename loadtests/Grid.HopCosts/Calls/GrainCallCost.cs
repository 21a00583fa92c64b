using System.Globalization;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Orleans.Concurrency;

namespace Grid.HopCosts.Calls;

/// <summary>
/// Cost of a local grain call from outside any grain (as the co-hosted gateway calls): 512 callers
/// in flight over 1,000 activations, each call carrying a batch of 1, 8 or 64 commands. The driver's
/// own cost (the same loop calling a plain method) is measured too and subtracted.
/// </summary>
internal static class GrainCallCost
{
    private const int Grains = 1_000;
    private const int Callers = 512;

    public static async Task Run(IGrainFactory factory, TextWriter output, int callsPerCaller)
    {
        var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<ICallProbeGrain>($"probe-{i}")).ToArray();
        var ids = Enumerable.Range(0, Grains).Select(i => $"load-{i:D4}").ToArray();
        var k = 0;
        var (getNs, getBytes) = Cost.Thread(200_000, () => factory.GetGrain<Grid.Abstractions.Accounts.IAccountGrain>(ids[k++ % Grains]));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GrainFactory.GetGrain<IAccountGrain>(string), one thread: {getNs:0} ns and {getBytes:0} B per call"));
        output.WriteLine("| variant | batch | CPU µs/call | CPU µs/command | B/call | B/command | (driver-only µs, B per call) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var batch in new[] { 1, 8, 64 })
        {
            var commands = Enumerable.Range(0, batch).Select(Command).ToArray();
            var copied = commands.Select(c => new CopiedCommand { CorrelationId = c.CorrelationId, ClientOrderId = c.ClientOrderId, InstrumentId = c.InstrumentId, Qty = c.Qty, Price = c.Price, Venue = c.Venue }).ToArray();
            var calls = Math.Max(20, callsPerCaller / batch);
            var driver = await Measure(calls, async i => (await Direct(commands.ToArray())).Length);
            var variants = new (string Name, Func<int, Task<int>> Call)[]
            {
                ("ValueTask, [Immutable] elements (today)", async i => (await grains[i % Grains].ValueTaskArrays(commands.ToArray())).Length),
                ("Task, [Immutable] elements", async i => (await grains[i % Grains].TaskArrays(commands.ToArray())).Length),
                ("ValueTask, Immutable<T[]> (no copy)", async i => (await grains[i % Grains].ImmutableArrays(new Immutable<EngineCommand[]>(commands.ToArray()))).Value.Length),
                ("ValueTask, copied elements", async i => (await grains[i % Grains].CopiedElements(copied.ToArray())).Length),
            };
            foreach (var (name, call) in variants)
            {
                await Measure(calls / 4, call);
                var (cpu, bytes, _) = await Measure(calls, call);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {batch} | {cpu - driver.CpuUs:0.00} | {(cpu - driver.CpuUs) / batch:0.00} | {bytes - driver.Bytes:0} | {(bytes - driver.Bytes) / batch:0} | {driver.CpuUs:0.00}, {driver.Bytes:0} |"));
            }
        }
    }

    private static Task<(double CpuUs, double Bytes, double WallUs)> Measure(int callsPerCaller, Func<int, Task<int>> call)
        => Cost.Process((long)callsPerCaller * Callers, () => Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            for (var k = 0; k < callsPerCaller; k++)
            {
                await call((c * 7919) + k);
            }
        }))));

    private static async ValueTask<EngineReply[]> Direct(EngineCommand[] commands)
    {
        await Task.Yield();
        return CallProbeGrain.Answer(commands.Length);
    }

    private static EngineCommand Command(int i) => new()
    {
        CorrelationId = (ulong)i + 1, Kind = CommandKind.Check, ClientOrderId = $"load-0001-{i:D8}", InstrumentId = "BTC-PERP", Side = Side.Buy, Qty = 0.05m, Price = 59_950.5m, Venue = "grid-dev-engine",
    };
}
