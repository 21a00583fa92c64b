using Grid.Api.V1;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Cluster;

/// <summary>
/// A matching engine that survives silo failures the way the contract says: one message in flight per
/// account (accounts pipelined on one stream), and a message with no reply (stream broken, or an
/// UNAVAILABLE error) is resent unchanged — same order and trade ids — once reconnected to a live silo.
/// </summary>
internal sealed class ResilientEngine(IReadOnlyList<HostProcess> silos) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EngineStream? _stream;
    private int _silo;

    /// <summary>Messages that got a reply (decisions, acks), counted once each.</summary>
    public int Acknowledged;

    /// <summary>Resends after a missing reply.</summary>
    public int Resent;

    /// <summary>Reconnections to another silo.</summary>
    public int Reconnects;

    /// <summary>The first failures seen (for test output).</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Index of the silo the stream currently uses.</summary>
    public int Silo => _silo;

    /// <summary>Connects to silo <paramref name="index"/>.</summary>
    public async Task ConnectAsync(int index)
    {
        _silo = index;
        _stream = new EngineStream(new PreTrade.PreTradeClient(silos[index].Engine));
        await Task.CompletedTask;
    }

    /// <summary>Sends until answered: returns the first real reply.</summary>
    public async Task<GridMessage> SendAsync(Func<EngineMessage> message, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var stream = _stream!;
            try
            {
                var reply = await stream.Send(message());
                if (reply.BodyCase != GridMessage.BodyOneofCase.Error || reply.Error.Code != ErrorCode.Unavailable)
                {
                    Interlocked.Increment(ref Acknowledged);
                    return reply;
                }
            }
            catch (Exception e) when (DateTime.UtcNow < deadline)
            {
                lock (Failures)
                {
                    if (Failures.Count < 20)
                    {
                        Failures.Add($"silo {_silo}: {e.GetType().Name}: {e.Message}");
                    }
                }

                await Reconnect(stream);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no reply within {patience}");
            }

            Interlocked.Increment(ref Resent);
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }

    private async Task Reconnect(EngineStream broken)
    {
        await _gate.WaitAsync();
        try
        {
            if (!ReferenceEquals(broken, _stream))
            {
                return;
            }

            _ = broken.DisposeAsync();
            for (var i = 1; i <= silos.Count; i++)
            {
                var next = (_silo + i) % silos.Count;
                if (!silos[next].HasExited)
                {
                    Reconnects++;
                    await ConnectAsync(next);
                    return;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
