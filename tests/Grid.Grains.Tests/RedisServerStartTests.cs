using System.Net;
using System.Net.Sockets;

namespace Grid.Grains.Tests;

/// <summary>
/// The tests' redis-server launcher (tests/Shared/RedisServer.cs): a start that fails leaves no redis-server
/// behind, whether the server did not answer in time or could not have the port, and a server on a taken port is
/// not mistaken for this one. Nothing is disposed before the checks: a caller whose start throws may never dispose.
/// </summary>
public sealed class RedisServerStartTests
{
    [RedisFact]
    public async Task AStartNotAnsweredInTime_KillsTheServer()
    {
        var redis = new RedisServer(fsync: false) { StartTimeout = TimeSpan.Zero };
        await Assert.ThrowsAsync<TimeoutException>(redis.StartAsync);
        Assert.False(Running(redis.ProcessId ?? throw new InvalidOperationException("no server was started")));
        await redis.DisposeAsync();
    }

    [RedisFact]
    public async Task AStartOnAPortTakenMeanwhile_FailsAndLeavesNoServer()
    {
        var redis = new RedisServer(fsync: false);
        // Someone takes the port between the choice and the start, and accepts connections on it.
        var taker = new TcpListener(IPAddress.Loopback, redis.Port);
        taker.Start();
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(redis.StartAsync);
            Assert.Contains("redis-server exited during start", refused.Message, StringComparison.Ordinal);
            Assert.False(Running(redis.ProcessId ?? throw new InvalidOperationException("no server was started")));
        }
        finally
        {
            taker.Stop();
        }

        await redis.DisposeAsync();
    }

    [RedisFact]
    public async Task AStartThatSucceeds_LeavesTheServerRunning_UntilStopped()
    {
        var redis = new RedisServer(fsync: false);
        await redis.StartAsync();
        var id = redis.ProcessId ?? throw new InvalidOperationException("no server was started");
        Assert.True(Running(id));
        await redis.DisposeAsync();
        Assert.False(Running(id));
    }

    // A redis-server with that process id (a zombie's command line is empty: it runs no more).
    private static bool Running(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Contains("redis-server", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }
}
