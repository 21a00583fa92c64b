namespace Grid.LoadTest.Chaos;

/// <summary>The fault a chaos run injects into its Redis cluster.</summary>
public enum FaultKind
{
    /// <summary>kill -9 of one silo: its connections reset at once, its grains must move.</summary>
    KillSilo = 1,

    /// <summary>SIGSTOP of one silo (resumed with SIGCONT after the run): connections stay open and go silent.</summary>
    HangSilo = 2,

    /// <summary>kill -9 of the redis-server, restarted at once on the same port and data directory.</summary>
    RestartRedis = 3,
}
