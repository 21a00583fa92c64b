namespace Grid.LoadTest.Workload;

/// <summary>The kinds of engine message the generator sends.</summary>
public enum MessageKind : byte
{
    /// <summary>No message (a free slot).</summary>
    None = 0,

    /// <summary>CheckOrder that opens or increases risk.</summary>
    New = 1,

    /// <summary>CheckOrder on the opposite side of a position, at most its size.</summary>
    NewReducing = 2,

    /// <summary>OrderCanceled of a whole resting order.</summary>
    Cancel = 3,

    /// <summary>OrderFilled of part (or the last lot) of a resting order.</summary>
    Fill = 4,
}
