namespace Grid.Cli;

/// <summary>The process exit codes of <c>grid</c>.</summary>
internal static class ExitCode
{
    /// <summary>Done; refusals (a rejected order, a refused withdrawal) are answers, not failures.</summary>
    public const int Ok = 0;

    /// <summary>The call failed: a gRPC error, the grid unreachable, a price update refused.</summary>
    public const int Failed = 1;

    /// <summary>Bad command line: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted with Ctrl+C during a unary call (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
