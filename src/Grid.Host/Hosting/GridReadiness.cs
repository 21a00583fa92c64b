namespace Grid.Host.Hosting;

/// <summary>Whether this process may take traffic: the silo is active and the demo (if any) is seeded.</summary>
public sealed class GridReadiness
{
    private volatile bool _ready;
    private volatile bool _stopping;
    private volatile bool _started;

    /// <summary>True once the silo is active and seeding finished.</summary>
    public bool Ready => _ready && !_stopping;

    /// <summary>True once the silo is active (seeding may still run).</summary>
    public bool Started => _started;

    /// <summary>True once the silo started to stop (drain: stop routing new streams here).</summary>
    public bool Stopping => _stopping;

    internal void MarkStarted() => _started = true;

    internal void MarkReady() => _ready = true;

    internal void MarkStopping() => _stopping = true;
}
