namespace Grid.Risk.Ledger;

/// <summary>
/// Why a change to the holdings was refused, naming the request field at fault (a dotted path such as
/// "filled.fee"); nothing was changed. <see cref="None"/> when it was applied.
/// </summary>
/// <param name="Field">The field at fault; empty when applied.</param>
/// <param name="Message">The explanation, without the field.</param>
public readonly record struct LedgerRefusal(string Field, string Message)
{
    /// <summary>Applied.</summary>
    public static LedgerRefusal None => default;

    /// <summary>True when the change was refused.</summary>
    public bool Refused => Field is not null;

    /// <summary>"field: message", the form error replies carry.</summary>
    public override string ToString() => Refused ? $"{Field}: {Message}" : "";
}
