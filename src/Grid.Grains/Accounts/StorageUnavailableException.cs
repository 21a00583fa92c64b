namespace Grid.Grains.Accounts;

/// <summary>A change could not be made durable; nothing was applied. Retriable.</summary>
[GenerateSerializer, Alias("grid.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public StorageUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
