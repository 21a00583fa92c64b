using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Grid.Host.Tests.Fuzz;

/// <summary>Offending messages as text: a hex dump (capped) and, when it decodes, the message as JSON.</summary>
internal static class HexDump
{
    public static string Of(byte[] bytes, int max = 512)
    {
        var text = new StringBuilder();
        for (var row = 0; row < Math.Min(bytes.Length, max); row += 32)
        {
            var line = bytes.AsSpan(row, Math.Min(32, Math.Min(bytes.Length, max) - row));
            text.Append("      ").Append(row.ToString("x4")).Append("  ").AppendLine(Convert.ToHexStringLower(line));
        }

        if (bytes.Length > max)
        {
            text.Append("      … ").Append(bytes.Length - max).AppendLine(" more bytes");
        }

        return bytes.Length == 0 ? "      (empty)\n" : text.ToString();
    }

    /// <summary>The message as JSON, or why it cannot be shown.</summary>
    public static string Decoded(MessageDescriptor type, byte[] bytes, int max = 600)
    {
        try
        {
            var json = JsonFormatter.Default.Format(type.Parser.ParseFrom(bytes));
            return json.Length > max ? $"{json[..max]}… ({json.Length} chars)" : json;
        }
        catch (Exception e)
        {
            return $"(not shown as JSON: {e.GetType().Name})";
        }
    }
}
