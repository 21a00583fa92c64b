using System.Reflection;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>One stand-in grain of <see cref="FakeGrains"/>: forwards every call to the factory's handler.</summary>
public class FakeGrain : DispatchProxy
{
    private Type _interface = typeof(object);
    private string _key = "";
    private Func<Type, string, MethodInfo, object?[], object?> _handler = (_, _, _, _) => null;

    internal void Bind(Type grainInterface, string key, Func<Type, string, MethodInfo, object?[], object?> handler)
    {
        _interface = grainInterface;
        _key = key;
        _handler = handler;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        => _handler(_interface, _key, targetMethod ?? throw new ArgumentNullException(nameof(targetMethod)), args ?? []);
}
