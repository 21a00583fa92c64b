namespace Grid.Cli.Commands;

/// <summary>One <c>grid</c> command: its spec and what it does with a parsed command line.</summary>
internal interface ICommand
{
    /// <summary>Name, help and options.</summary>
    CommandSpec Spec { get; }

    /// <summary>
    /// Runs the command and returns its exit code. Bad arguments throw
    /// <see cref="Parsing.UsageException"/> before any call; failed calls throw
    /// <see cref="Grpc.Core.RpcException"/>; the app turns both into messages and exit codes.
    /// </summary>
    Task<int> RunAsync(Invocation invocation);
}
