namespace Grid.Host.Tests.Fuzz;

/// <summary>How a fuzz input was made.</summary>
internal enum InputKind
{
    /// <summary>A plausible message, no hostile field (keeps real state moving).</summary>
    Valid,

    /// <summary>A plausible message with a few hostile fields (reaches deep validation and the margin code).</summary>
    HostileFields,

    /// <summary>Most fields hostile.</summary>
    Wild,

    /// <summary>A damaged encoding (<see cref="EncodingMutator"/>).</summary>
    Mutated,

    /// <summary>Random bytes.</summary>
    RandomBytes,

    /// <summary>A broken gRPC frame sent over raw HTTP/2 (<see cref="FrameMutator"/>).</summary>
    Framing,

    /// <summary>A decodable message without an API key.</summary>
    NoKey,

    /// <summary>A decodable message with a key the host does not know.</summary>
    WrongKey,

    /// <summary>A decodable message with a valid key whose role may not call the RPC.</summary>
    RefusedRole,
}
