using System.Text;
using System.Text.Json;

namespace Grid.Risk.Tests;

/// <summary>Collects mismatches between engine figures and expected JSON values (0.01 USD on money).</summary>
public sealed class FigureComparer
{
    private readonly StringBuilder _errors = new();

    public int Count { get; private set; }

    public void Money(string what, double actual, JsonElement expected, string name, double tolerance = 0.01)
    {
        if (!expected.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        Money(what, actual, e.GetDouble(), tolerance);
    }

    public void Money(string what, double actual, double expected, double tolerance = 0.01)
    {
        if (!(Math.Abs(actual - expected) <= tolerance))
        {
            Fail($"{what}: expected {expected:R}, got {actual:R} (diff {actual - expected:G6})");
        }
    }

    public void Equal<T>(string what, T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            Fail($"{what}: expected {expected}, got {actual}");
        }
    }

    public void Fail(string message)
    {
        Count++;
        _errors.AppendLine(message);
    }

    public override string ToString() => _errors.ToString();
}
