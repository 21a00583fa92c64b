namespace Grid.Testing;

/// <summary>A fact that needs redis-server; skipped (saying so) where it is not installed. CI installs it.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Binary is null)
        {
            Skip = "redis-server is not installed (apt-get install redis-server); .ci/run installs it";
        }
    }
}
