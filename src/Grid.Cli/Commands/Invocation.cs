using Google.Protobuf;
using Grid.Cli.Connection;
using Grid.Cli.Parsing;
using Grpc.Core;

namespace Grid.Cli.Commands;

/// <summary>
/// Everything one run of a command needs: its parsed arguments, where to write, the output mode,
/// the clock, the cancellation of Ctrl+C, and the connection, opened on first use so that a bad
/// command line never touches the network.
/// </summary>
internal sealed class Invocation : IDisposable
{
    private static readonly JsonFormatter IndentedJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());
    private static readonly JsonFormatter LineJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private readonly Func<GridConnection> _connect;
    private GridConnection? _grid;

    /// <summary>An invocation that opens its connection with <paramref name="connect"/> when first needed.</summary>
    public Invocation(Arguments arguments, TextWriter output, bool json, TimeProvider clock, Func<GridConnection> connect, CancellationToken cancellation)
    {
        Arguments = arguments;
        Output = output;
        Json = json;
        Clock = clock;
        Cancellation = cancellation;
        _connect = connect;
    }

    /// <summary>The command's arguments and options.</summary>
    public Arguments Arguments { get; }

    /// <summary>Where results go (standard output).</summary>
    public TextWriter Output { get; }

    /// <summary>True for <c>--json</c>: print the raw response instead of a table.</summary>
    public bool Json { get; }

    /// <summary>The clock for observation times, sequences and defaults.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The connection to the grid.</summary>
    public GridConnection Grid => _grid ??= _connect();

    /// <summary>Options of a unary call.</summary>
    public CallOptions Unary => Grid.Unary(Cancellation);

    /// <summary>Options of a server stream.</summary>
    public CallOptions Stream => Grid.Stream(Cancellation);

    /// <summary>Writes <paramref name="message"/> as indented proto3 JSON, default values included.</summary>
    public void WriteJson(IMessage message) => Output.WriteLine(IndentedJson.Format(message));

    /// <summary>Writes <paramref name="message"/> as JSON on one line (streams: one object per line).</summary>
    public void WriteJsonLine(IMessage message) => Output.WriteLine(LineJson.Format(message));

    /// <summary>Writes the raw response with <c>--json</c>, else the readable view.</summary>
    public void Print<T>(T message, Action<T, TextWriter> view)
        where T : IMessage
    {
        if (Json)
        {
            WriteJson(message);
        }
        else
        {
            view(message, Output);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _grid?.Dispose();
}
