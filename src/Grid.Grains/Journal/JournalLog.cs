using Microsoft.Extensions.Logging;

namespace Grid.Grains.Journal;

/// <summary>The journal's log lines, with fixed event ids (nothing on the accept path).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 2601, EventName = "JournalWriteFailed", Level = LogLevel.Warning, Message = "Writing {Count} account journal entries to Redis failed; those accounts reload")]
    public static partial void WriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2602, EventName = "JournalFenced", Level = LogLevel.Warning, Message = "Account {Account}: another activation wrote its journal meanwhile; this one reloads")]
    public static partial void Fenced(ILogger logger, GrainId account);

    [LoggerMessage(EventId = 2603, EventName = "JournalMigrated", Level = LogLevel.Information, Message = "Account {Account}: read from its whole stored record; its first write starts the journal with a snapshot")]
    public static partial void Migrating(ILogger logger, GrainId account);
}
