using System.Globalization;

namespace Grid.HouseLoad;

/// <summary>
/// How wide the seeding runs: PreTrade streams per silo, unary deposits in flight per stream, and stream
/// messages in flight per stream (the gateway answers OVERLOADED beyond Grid:Gateway:MaxInFlightPerStream, 4,096).
/// </summary>
internal sealed record SeedShape(int StreamsPerSilo, int DepositsPerStream, int Window)
{
    /// <summary>The defaults, each overridable from the environment (GRID_SEED_STREAMS, GRID_SEED_DEPOSITS, GRID_SEED_WINDOW).</summary>
    public static SeedShape FromEnvironment() => new(
        Read("GRID_SEED_STREAMS", 4, 64),
        Read("GRID_SEED_DEPOSITS", 24, 1024),
        Read("GRID_SEED_WINDOW", 1024, 4096));

    public override string ToString() => $"{StreamsPerSilo} stream(s) per silo, {DepositsPerStream} deposits and {Window} messages in flight per stream";

    private static int Read(string variable, int fallback, int most)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        // The window must exceed an account's seven messages: six are written unflushed before the seventh waits for a slot.
        var least = variable == "GRID_SEED_WINDOW" ? 8 : 1;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw new ArgumentException($"{variable} must be an integer from {least} to {most} (was \"{text}\")");
    }
}
