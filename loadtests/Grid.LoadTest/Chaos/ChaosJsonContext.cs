using System.Text.Json.Serialization;

namespace Grid.LoadTest.Chaos;

/// <summary>Source-generated JSON for <see cref="ChaosResult"/> (camelCase, indented, fields included for the counters).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, IncludeFields = true)]
[JsonSerializable(typeof(ChaosResult))]
public sealed partial class ChaosJsonContext : JsonSerializerContext;
