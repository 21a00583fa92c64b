using System.ComponentModel;
using System.Reflection;
using System.Runtime.Loader;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>
/// The configuration keys the host binds, read by reflection from the built host (its own load
/// context, so nothing else of the host is loaded): each options class, its section constant and
/// its settable properties.
/// </summary>
internal sealed class HostOptionsCatalog
{
    private static readonly (string Assembly, string Type)[] OptionClasses =
    [
        ("Grid.Host", "Grid.Host.Hosting.GridHostOptions"),
        ("Grid.Grains", "Grid.Grains.Accounts.AccountOptions"),
        ("Grid.Gateway", "Grid.Gateway.GatewayOptions"),
    ];

    private static readonly Lazy<HostOptionsCatalog> Loaded = new(() => new HostOptionsCatalog(Repo.HostOutput));

    private readonly Dictionary<string, Type> _sections = new(StringComparer.OrdinalIgnoreCase);

    private HostOptionsCatalog(string directory)
    {
        var context = new AssemblyLoadContext("grid-host-options");
        context.Resolving += (ctx, name) => Path.Combine(directory, name.Name + ".dll") is var file && File.Exists(file) ? ctx.LoadFromAssemblyPath(file) : null;
        foreach (var (assembly, typeName) in OptionClasses)
        {
            var type = context.LoadFromAssemblyPath(Path.Combine(directory, assembly + ".dll")).GetType(typeName, throwOnError: true)!;
            var section = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Single(v => v.StartsWith("Grid:", StringComparison.Ordinal));
            _sections.Add(section, type);
        }
    }

    public static HostOptionsCatalog Instance => Loaded.Value;

    public IReadOnlyCollection<string> Sections => _sections.Keys;

    /// <summary>Why the host would ignore or reject this key/value, or null when it binds it.</summary>
    public string? Problem(string key, string value)
    {
        var cut = key.LastIndexOf(':');
        var section = cut < 0 ? key : key[..cut];
        if (!_sections.TryGetValue(section, out var type))
        {
            return $"{key}: no options class binds section '{section}' (bound: {string.Join(", ", _sections.Keys)})";
        }

        var name = key[(cut + 1)..];
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property?.SetMethod is not { IsPublic: true })
        {
            return $"{key}: {type.Name} has no settable property '{name}'";
        }

        try
        {
            // What ConfigurationBinder uses for scalar properties.
            TypeDescriptor.GetConverter(property.PropertyType).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e)
        {
            return $"{key}='{value}': not a valid {property.PropertyType.Name} ({e.Message})";
        }
    }
}
