using System.Globalization;

namespace Grid.LoadTest.Measurement;

/// <summary>
/// The server's managed allocations over the measured window, from the runtime's own counter
/// (<c>GC.GetTotalAllocatedBytes</c>, exported by the host's /metrics as
/// <c>dotnet_gc_heap_total_allocated_bytes_total</c>), read at the start and the end of the window.
/// </summary>
public sealed class AllocationSampler(Uri? metrics)
{
    private const string Counter = "dotnet_gc_heap_total_allocated_bytes_total";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private long? _start;

    /// <summary>Reads the counter at the start of the window.</summary>
    public async Task Mark() => _start = await Read();

    /// <summary>Bytes the server allocated since <see cref="Mark"/>, or null when the counter is unavailable.</summary>
    public async Task<long?> Since() => _start is { } start && await Read() is { } end ? end - start : null;

    private async Task<long?> Read()
    {
        if (metrics is null)
        {
            return null;
        }

        try
        {
            var text = await Http.GetStringAsync(metrics);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith(Counter, StringComparison.Ordinal) && line.LastIndexOf(' ') is var space and > 0
                    && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return (long)value;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No figure rather than a wrong one.
        }

        return null;
    }
}
