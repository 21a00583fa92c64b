namespace Grid.Abstractions.Engine;

/// <summary>Request-level errors (mirrors <c>grid.v1.ErrorCode</c>).</summary>
public enum ErrorCode
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The message could not be understood.</summary>
    Malformed = 1,
    /// <summary>The account does not exist (read-only calls on an account never funded).</summary>
    UnknownAccount = 2,
    /// <summary>The instrument is not listed.</summary>
    UnknownInstrument = 3,
    /// <summary>A field is out of range; the reply names it.</summary>
    InvalidField = 4,
    /// <summary>Too much in flight: retry later.</summary>
    Overloaded = 5,
    /// <summary>A dependency (storage) is unavailable: nothing was applied; retry.</summary>
    Unavailable = 6,
    /// <summary>The caller may not do this.</summary>
    PermissionDenied = 7,
    /// <summary>The order id is unknown to the account.</summary>
    UnknownOrder = 8,
    /// <summary>An idempotency key was reused with other terms.</summary>
    IdempotencyConflict = 9,
    /// <summary>The command cannot apply in the account's state (funding with no position); the message says which.</summary>
    FailedPrecondition = 10,
}
