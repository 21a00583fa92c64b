namespace Grid.Risk.Scenarios;

/// <summary>The implied-vol state of a scenario.</summary>
public enum VolState : byte
{
    /// <summary>Vol shocked up.</summary>
    Up = 0,
    /// <summary>Vol unchanged.</summary>
    Same = 1,
    /// <summary>Vol shocked down.</summary>
    Down = 2,
}
