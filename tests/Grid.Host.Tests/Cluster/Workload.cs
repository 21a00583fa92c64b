using Grid.Api.V1;
using static Grid.Host.Tests.Infrastructure.Wire;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// Per account, a fixed sequence of orders: check a 0.01 BTC-PERP buy, fill half of it, cancel the
/// rest. After all of it each account holds exactly 0.005 BTC per order and rests nothing.
/// </summary>
internal static class Workload
{
    public const decimal OrderQty = 0.01m;
    public const decimal FillQty = 0.005m;

    public static IEnumerable<Func<EngineMessage>> For(string account, int orders)
    {
        for (var k = 0; k < orders; k++)
        {
            var order = $"{account}-o{k}";
            yield return () => Check(0, account, order, "BTC-PERP", Side.Buy, OrderQty, 60_000);
            yield return () => Fill(0, account, order, $"{account}-t{k}", FillQty, 60_000, "BTC-PERP", Side.Buy);
            yield return () => Cancel(0, account, order);
        }
    }

    /// <summary>Runs every account's sequence, accounts concurrently, messages of one account one at a time.</summary>
    public static async Task RunAsync(ResilientEngine engine, IReadOnlyList<string> accounts, int orders, Func<int, Task>? afterEach = null)
    {
        var done = 0;
        await Task.WhenAll(accounts.Select(async account =>
        {
            foreach (var message in For(account, orders))
            {
                var reply = await engine.SendAsync(message, TimeSpan.FromSeconds(60));
                Assert.True(reply.BodyCase != GridMessage.BodyOneofCase.Error, reply.ToString());
                if (reply.BodyCase == GridMessage.BodyOneofCase.Decision)
                {
                    Assert.Equal(Decision.Accept, reply.Decision.Decision);
                }

                if (afterEach is not null)
                {
                    await afterEach(Interlocked.Increment(ref done));
                }
            }
        }));
    }
}
