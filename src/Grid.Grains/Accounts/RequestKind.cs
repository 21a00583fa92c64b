namespace Grid.Grains.Accounts;

/// <summary>The kind of a stored treasury or funding request.</summary>
public enum RequestKind : byte
{
    /// <summary>Stored before kinds were kept: matches any terms.</summary>
    Unknown = 0,
    /// <summary>A deposit.</summary>
    Deposit = 1,
    /// <summary>A withdrawal.</summary>
    Withdrawal = 2,
    /// <summary>Funding accrued or settled.</summary>
    Funding = 3,
}
