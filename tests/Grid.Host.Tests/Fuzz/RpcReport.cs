using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// One RPC's tally: messages sent, a histogram of outcomes (gRPC statuses, and for streams the replies
/// and how each stream ended), and its findings (every one counted, the first few per reason kept in full).
/// </summary>
internal sealed class RpcReport(RpcTarget rpc)
{
    private const int SamplesPerReason = 3;

    private readonly ConcurrentDictionary<string, int> _histogram = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _findingCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Finding> _samples = new();
    private readonly Stopwatch _clock = new();
    private int _messages;
    private int _calls;

    public RpcTarget Rpc => rpc;

    public int Messages => _messages;

    public int Calls => _calls;

    public TimeSpan Elapsed => _clock.Elapsed;

    public int FindingCount => _findingCounts.Values.Sum();

    public IEnumerable<Finding> Samples => _samples;

    public IReadOnlyDictionary<string, int> Histogram => _histogram;

    public void Start() => _clock.Start();

    public void Stop() => _clock.Stop();

    /// <summary>Counts <paramref name="messages"/> request messages sent on one call.</summary>
    public void Sent(int messages = 1, int calls = 1)
    {
        Interlocked.Add(ref _messages, messages);
        Interlocked.Add(ref _calls, calls);
    }

    public void Count(string label, int n = 1) => _histogram.AddOrUpdate(label, n, (_, c) => c + n);

    public void Find(string reason, string status, string reference, byte[] message, IReadOnlyList<byte[]>? before = null)
    {
        if (_findingCounts.AddOrUpdate(reason, 1, (_, c) => c + 1) <= SamplesPerReason)
        {
            var decoded = HexDump.Decoded(rpc.Request, message);
            if (before is { Count: > 0 })
            {
                decoded += string.Concat(before.Select((m, i) => $"\n    written before it ({before.Count - i} back): {HexDump.Decoded(rpc.Request, m)} [{Convert.ToHexStringLower(m.AsSpan(0, Math.Min(m.Length, 96)))}]"));
            }

            _samples.Enqueue(new Finding(rpc.Label, reason, status, reference, message, decoded));
        }
    }

    /// <summary>One line: messages, calls, rate, then the histogram by count.</summary>
    public string Summary()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        var line = new StringBuilder()
            .Append($"{rpc.Label,-30} {_messages,7} msgs {_calls,6} calls {seconds,6:0.0} s {_calls / seconds,7:0} calls/s {_messages / seconds,7:0} msgs/s");
        if (FindingCount > 0)
        {
            line.Append($"  FINDINGS {FindingCount}");
        }

        line.AppendLine();
        foreach (var (label, count) in _histogram.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            line.AppendLine($"      {count,7}  {label}");
        }

        foreach (var (reason, count) in _findingCounts.OrderByDescending(p => p.Value))
        {
            line.AppendLine($"    ! {count,7}  {reason}");
        }

        return line.ToString();
    }
}
