namespace Grid.Risk.Rulebooks;

/// <summary>How an account is margined (Rulebook §4 item 19): one or the other, never a minimum of both.</summary>
public enum MarginRegime
{
    /// <summary>Scenario portfolio margin, cross-margined.</summary>
    Pm = 1,
    /// <summary>Rule-based standard margin.</summary>
    Std = 2,
}
