namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// One hostile input to one RPC: the message bytes (gRPC-framed by the client, unless <see cref="Frame"/>
/// carries hand-made framing), the key it is sent with (null: none), and whether the request type
/// decodes it (parsed with the same Google.Protobuf parser the server uses).
/// </summary>
internal sealed record FuzzInput(RpcTarget Rpc, int Index, InputKind Kind, byte[] Body, string? Key, bool Decodable, RawFrame? Frame, string How)
{
    /// <summary>Bigger than the server accepts: RESOURCE_EXHAUSTED is the answer.</summary>
    public bool Oversize => Body.Length > FuzzSettings.MessageCap(Rpc);

    /// <summary>Bigger than the gateway's engine-message cap (accepted only by RPCs with a larger one).</summary>
    public bool Large => Body.Length > FuzzSettings.MaxMessageBytes;

    /// <summary>An input that must be refused by authentication or authorisation.</summary>
    public bool ExpectsRefusal => Kind is InputKind.NoKey or InputKind.WrongKey or InputKind.RefusedRole;

    /// <summary>How to replay it: seed, RPC, index, kind.</summary>
    public string Reference => $"seed {FuzzSettings.Seed}, {Rpc.Label} #{Index} ({Kind}: {How}; key {Key ?? "none"}; {Body.Length} bytes, {(Decodable ? "decodable" : "undecodable")})";
}
