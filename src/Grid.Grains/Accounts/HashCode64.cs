using System.Text;

namespace Grid.Grains.Accounts;

/// <summary>FNV-1a 64-bit over canonical text of values: stable across processes and versions.</summary>
internal struct HashCode64()
{
    private ulong _h = 14695981039346656037UL;

    public readonly ulong Value => _h;

    public void Add(string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            _h = (_h ^ b) * 1099511628211UL;
        }

        _h = (_h ^ 0xFF) * 1099511628211UL;
    }

    // Normalised so 1.0 and 1.00 hash alike: the value matters, not the scale.
    public void Add(decimal value) => Add((value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Add(int value) => Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
