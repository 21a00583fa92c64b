namespace Grid.LoadTest.Reporting;

/// <summary>CPU used over the measured window, in cores (1.0 = one core busy the whole window).</summary>
/// <param name="Generator">This process.</param>
/// <param name="Server">The server processes (started host or --server-pid), null when unknown.</param>
/// <param name="Machine">Every process on the machine (Linux /proc/stat), null when unknown.</param>
/// <param name="Cores">Logical cores of the machine.</param>
public sealed record CpuUse(double Generator, double? Server, double? Machine, int Cores)
{
    /// <summary>Cores used by processes other than the generator and the server (other work on the machine).</summary>
    public double? Others => Machine is { } m && Server is { } s ? Math.Round(Math.Max(0, m - s - Generator), 2) : null;

    /// <summary>Microseconds of CPU per message: generator and server, at <paramref name="messagesPerSecond"/>.</summary>
    public (double Generator, double? Server) MicrosPerMessage(double messagesPerSecond)
        => messagesPerSecond > 0
            ? (Math.Round(Generator / messagesPerSecond * 1e6, 1), Server is { } s ? Math.Round(s / messagesPerSecond * 1e6, 1) : null)
            : (0, null);
}
