namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// A request body framed by hand (any bytes, not necessarily valid gRPC framing) and extra request
/// headers. <see cref="Message"/> is the first message the framing delivers to the deserializer, or null
/// when grpc-dotnet refuses the framing before any message is read.
/// </summary>
internal sealed record RawFrame(byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string How, byte[]? Message);
