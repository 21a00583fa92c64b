using System.Reflection;

namespace Grid.Gateway.Tests.Fakes;

/// <summary>
/// A grain factory whose grains are stand-ins: each call of a grain interface method goes to
/// <see cref="Handler"/> with the grain's key, the method and its arguments. Only string-keyed grains.
/// </summary>
public class FakeGrains : DispatchProxy
{
    /// <summary>Answers a grain call: (interface, key, method, arguments) → the Task or ValueTask the method returns.</summary>
    public Func<Type, string, MethodInfo, object?[], object?> Handler { get; set; } = (_, _, m, _) => throw new NotSupportedException(m.Name);

    /// <summary>A factory answering with <paramref name="handler"/>.</summary>
    public static IGrainFactory Create(Func<Type, string, MethodInfo, object?[], object?> handler)
    {
        var factory = Create<IGrainFactory, FakeGrains>();
        ((FakeGrains)(object)factory).Handler = handler;
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name != nameof(IGrainFactory.GetGrain) || !targetMethod.IsGenericMethod || args is not [string key, ..])
        {
            throw new NotSupportedException($"IGrainFactory.{targetMethod.Name} is not faked");
        }

        var grainInterface = targetMethod.GetGenericArguments()[0];
        var grain = typeof(DispatchProxy).GetMethod(nameof(Create), 2, Type.EmptyTypes)!.MakeGenericMethod(grainInterface, typeof(FakeGrain)).Invoke(null, null)!;
        ((FakeGrain)grain).Bind(grainInterface, key, Handler);
        return grain;
    }
}
