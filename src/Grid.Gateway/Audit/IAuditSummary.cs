namespace Grid.Gateway.Audit;

/// <summary>
/// Inputs recorded in place of a request too large to keep whole (a margin simulation's documents): the
/// trail stores <see cref="ToJson"/>.
/// </summary>
public interface IAuditSummary
{
    /// <summary>The summary as one JSON object.</summary>
    string ToJson();
}
