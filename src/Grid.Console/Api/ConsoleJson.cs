using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.Console.Api;

/// <summary>
/// The console's own JSON settings (camelCase, numbers as numbers), independent of the host's:
/// another component changing the global options cannot change what the front end reads.
/// </summary>
internal static class ConsoleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A non-finite double must not fail a page: it is written as "NaN"/"Infinity".
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
