using Grid.Abstractions.Accounts;
using Grid.Abstractions.Engine;
using Grid.Risk.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests;

/// <summary>
/// The gateway's lanes hand a local activation their own reused buffers. Random batches, in one pair of buffers
/// reused for the whole run (never cleared), are answered exactly as the same batches sent by grain call to a
/// twin account with fresh arrays: every reply in its slot, and nothing written beyond the batch.
/// </summary>
[Collection(GridCluster.Name)]
public sealed class LocalTurnBufferTests(GridClusterFixture fixture)
{
    [Fact]
    public async Task RandomBatches_InReusedBuffers_AnswerAsGrainCallsWithFreshArrays()
    {
        var random = new Random(14);
        ulong id = 0;
        for (var a = 0; a < 10; a++)
        {
            var reference = await fixture.Client.Funded($"buffer-ref-{a}", 400_000);
            var reused = await fixture.Client.Funded($"buffer-reuse-{a}", 400_000);
            await reference.One(Commands.Check("warm", "BTC-PERP", Side.Buy, 0.1m, 50_000));
            await reused.One(Commands.Check("warm", "BTC-PERP", Side.Buy, 0.1m, 50_000));
            var entry = Entry($"buffer-reuse-{a}") ?? throw new InvalidOperationException("no silo opened the account");

            var commands = new EngineCommand[8];
            var replies = new EngineReply[8];
            for (var round = 0; round < 12; round++)
            {
                var count = random.Next(1, 6);
                for (var i = 0; i < count; i++)
                {
                    commands[i] = RandomCommand(random, ++id);
                }

                var expected = await reference.Execute(commands[..count]);
                var beyond = replies[count..];
                Assert.True(await entry.Execute(commands.AsMemory(0, count), replies.AsMemory(0, count)));

                Assert.Equal(expected, replies[..count]);
                Assert.Equal(beyond, replies[count..]);
            }

            Assert.Equal(
                (await reference.GetPortfolio()).Orders.Select(o => (o.ClientOrderId, o.RemainingQty)),
                (await reused.GetPortfolio()).Orders.Select(o => (o.ClientOrderId, o.RemainingQty)));
        }
    }

    private static EngineCommand RandomCommand(Random random, ulong id)
    {
        var order = $"o-{random.Next(6)}";
        var price = 59_900m + random.Next(200);
        var qty = random.Next(1, 40) / 100m;
        var command = random.Next(5) switch
        {
            0 or 1 => Commands.Check(order, "BTC-PERP", random.Next(2) == 0 ? Side.Buy : Side.Sell, qty, price, reduceOnly: random.Next(6) == 0),
            2 => Commands.Fill(order, $"t-{id}", qty, price, random.Next(2) == 0 ? "BTC-PERP" : "", Side.Buy),
            3 => Commands.Cancel(order, random.Next(2) == 0 ? 0 : qty),
            _ => Commands.Amend(order, qty, price),
        };
        return command with { CorrelationId = id };
    }

    private ILocalAccount? Entry(string accountId)
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            if (fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<LocalAccounts>().TryFind(accountId, out var account))
            {
                return account;
            }
        }

        return null;
    }
}
