namespace Grid.Host.Audit;

/// <summary>Log events of the Redis audit trail (event ids 3101–3199).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 3101, EventName = "AuditWriteFailed", Level = LogLevel.Warning, Message = "Writing {Count} audit records to Redis failed (attempt {Attempt}); retrying, newer records wait in the queue")]
    public static partial void WriteFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 3102, EventName = "AuditRecordsDropped", Level = LogLevel.Error, Message = "{Count} audit records were dropped ({Cause}); {Total} since start")]
    public static partial void Dropped(ILogger logger, int count, string cause, long total);

    [LoggerMessage(EventId = 3103, EventName = "AuditFormatFailed", Level = LogLevel.Error, Message = "{Count} audit records could not be written (a record's fields could not be formatted); the batch is dropped")]
    public static partial void FormatFailed(ILogger logger, int count, Exception exception);
}
