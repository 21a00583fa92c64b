using System.ComponentModel;
using System.Reflection;
using System.Runtime.Loader;

namespace Grid.Host.Tests.Kubernetes;

/// <summary>
/// The configuration keys the host binds, read by reflection from the built host (its own load
/// context, so nothing else of the host is loaded): each options class, its section constant and
/// its settable properties, through lists and nested objects (e.g. Grid:Security:Keys:0:Accounts:0).
/// </summary>
internal sealed class HostOptionsCatalog
{
    private static readonly (string Assembly, string Type)[] OptionClasses =
    [
        ("Grid.Host", "Grid.Host.Hosting.GridHostOptions"),
        ("Grid.Host", "Grid.Host.Hosting.TlsOptions"),
        ("Grid.Grains", "Grid.Grains.Accounts.AccountOptions"),
        ("Grid.Grains", "Grid.Grains.House.HouseRiskOptions"),
        ("Grid.Gateway", "Grid.Gateway.GatewayOptions"),
        ("Grid.Gateway", "Grid.Gateway.Security.SecurityOptions"),
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
        // The most specific section wins: Grid:Host:Tls:KeyPath belongs to Grid:Host:Tls, not Grid:Host.
        var section = _sections.Keys
            .Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Length);
        if (section is null)
        {
            var cut = key.LastIndexOf(':');
            return $"{key}: no options class binds section '{(cut < 0 ? key : key[..cut])}' (bound: {string.Join(", ", _sections.Keys)})";
        }

        var type = _sections[section];
        foreach (var step in key[(section.Length + 1)..].Split(':'))
        {
            if (ElementOf(type) is { } element)
            {
                if (!int.TryParse(step, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return $"{key}: '{step}' is not an index of the list {type.Name}";
                }

                type = element;
                continue;
            }

            var property = type.GetProperty(step, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            var bindable = property is not null && (property.SetMethod is { IsPublic: true } || ElementOf(property.PropertyType) is not null);
            if (!bindable)
            {
                return $"{key}: {type.Name} has no settable property '{step}'";
            }

            type = property!.PropertyType;
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            return $"{key}: {type.Name} is an object or a list, not a value";
        }

        try
        {
            // What ConfigurationBinder uses for scalar properties.
            converter.ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e)
        {
            return $"{key}='{value}': not a valid {type.Name} ({e.Message})";
        }
    }

    // The element type of a list or array property (strings are values, not lists).
    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments() is [var element]
            && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ? element
            : null;
    }
}
