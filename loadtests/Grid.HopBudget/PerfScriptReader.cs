namespace Grid.HopBudget;

/// <summary>
/// Reads the text of <c>perf script -F comm,tid,period,ip,sym,dso</c>: a header line per sample, then its
/// frames indented, leaf first, then a blank line. JIT-compiled frames are named through the runtime's
/// perf map (DOTNET_PerfMapEnabled). The thread name is added as a last pseudo-frame "comm:NAME".
/// </summary>
public static class PerfScriptReader
{
    /// <summary>Feeds every sample of <paramref name="path"/> into <paramref name="tally"/> with weight 1; returns the sample count.</summary>
    public static long Read(string path, HopTally tally)
    {
        long samples = 0;
        var frames = new List<string>(64);
        string? comm = null;
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0)
            {
                Flush();
                continue;
            }

            if (!char.IsWhiteSpace(raw[0]))
            {
                Flush();
                comm = Comm(raw);
                continue;
            }

            frames.Add(Frame(raw));
        }

        Flush();
        return samples;

        void Flush()
        {
            if (comm is null)
            {
                return;
            }

            // The runtime clears fresh allocation contexts with memset from libcoreclr (no symbols): allocation cost.
            if (frames.Count > 1 && frames[0].StartsWith("__memset", StringComparison.Ordinal) && frames[1].Contains("(libcoreclr.so)", StringComparison.Ordinal))
            {
                frames[0] = "gc-alloc-clear " + frames[0];
            }

            frames.Add("comm:" + comm);
            tally.Add(frames, 1);
            samples++;
            frames.Clear();
            comm = null;
        }
    }

    // "  .NET TP Worker 1234 1001001:" (the name may hold spaces): everything before the thread id.
    private static string Comm(string header)
    {
        var parts = header.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tid = Array.FindLastIndex(parts, p => p.All(char.IsDigit) && p.Length > 0 && parts.Length > 1);
        return tid > 0 ? string.Join(' ', parts[..(tid - (parts[tid - 1].All(char.IsDigit) ? 1 : 0))]) : header.Trim();
    }

    // "\t    7f12ab symbol+0x12 (/path/lib.so)" -> "symbol (lib.so)"
    private static string Frame(string line)
    {
        var s = line.Trim();
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            s = s[(space + 1)..];
        }

        var dso = "";
        var open = s.LastIndexOf(" (", StringComparison.Ordinal);
        if (open >= 0 && s.EndsWith(')'))
        {
            dso = Path.GetFileName(s[(open + 2)..^1]);
            s = s[..open];
        }

        var plus = s.LastIndexOf("+0x", StringComparison.Ordinal);
        if (plus > 0)
        {
            s = s[..plus];
        }

        return dso.Length > 0 ? $"{s} ({dso})" : s;
    }
}
