using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>One RPC of the public contract, read from the generated descriptors (so a new RPC is fuzzed without a code change).</summary>
internal sealed record RpcTarget(MethodDescriptor Descriptor)
{
    /// <summary>"grid.v1.Admin".</summary>
    public string Service => Descriptor.Service.FullName;

    /// <summary>"VerifyAccount".</summary>
    public string Name => Descriptor.Name;

    /// <summary>"/grid.v1.Admin/VerifyAccount", the HTTP/2 path and what the access policy keys on.</summary>
    public string Path => $"/{Service}/{Name}";

    /// <summary>"Admin.VerifyAccount", for reports.</summary>
    public string Label => $"{Descriptor.Service.Name}.{Name}";

    public MessageDescriptor Request => Descriptor.InputType;

    public MessageDescriptor Response => Descriptor.OutputType;

    public MethodType Type => (Descriptor.IsClientStreaming, Descriptor.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };

    /// <summary>
    /// Every RPC of every service in the grid.v1 files the tests compiled (each generated
    /// <c>*Reflection</c> class), in a fixed order: the order book first (while the market is still
    /// sane, so valid-ish orders reach the margin code), operator calls last.
    /// </summary>
    public static IReadOnlyList<RpcTarget> All()
    {
        var assembly = typeof(Grid.Api.V1.AdminReflection).Assembly;
        var files = assembly.GetTypes()
            .Where(t => t.Namespace == "Grid.Api.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
        string[] order = ["grid.v1.PreTrade", "grid.v1.Accounts", "grid.v1.RiskEvents", "grid.v1.MarketData", "grid.v1.Echo", "grid.v1.Admin"];
        return [.. files
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Select(m => new RpcTarget(m))
            .OrderBy(r => Array.IndexOf(order, r.Service) is var i && i >= 0 ? i : order.Length)
            .ThenBy(r => r.Service, StringComparer.Ordinal)
            .ThenBy(r => r.Descriptor.Index)];
    }
}
