namespace Grid.Abstractions.Engine;

/// <summary>What an account answered to a command.</summary>
public enum ReplyKind : byte
{
    /// <summary>A pre-trade decision (checks and amendments).</summary>
    Decision = 1,
    /// <summary>A fill or cancel was booked (or recognised as a duplicate).</summary>
    Ack = 2,
    /// <summary>The command could not be applied; see the error code.</summary>
    Error = 3,
}
