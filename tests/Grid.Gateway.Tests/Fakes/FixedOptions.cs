using Microsoft.Extensions.Options;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>An options monitor that always returns the same value.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
