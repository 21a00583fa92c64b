namespace Grid.Console.Assets;

/// <summary>One embedded front-end file with its content type and validator.</summary>
internal sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
