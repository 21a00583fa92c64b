namespace Grid.Risk.Supervision;

/// <summary>The anti-procyclicality guard's judgement of a rulebook load (Rulebook §5.5).</summary>
/// <param name="Breaches">Every figure beyond its threshold; empty when the load may go ahead.</param>
public sealed record ApcVerdict(IReadOnlyList<ApcBreach> Breaches)
{
    /// <summary>True when the load must be refused (FAILED_PRECONDITION) unless forced.</summary>
    public bool Refused => Breaches.Count > 0;

    /// <summary>Every breach's message, for the refusal and the audit of a forced load.</summary>
    public string Message => string.Join("; ", Breaches.Select(b => b.Message));
}
