namespace Grid.LoadTest.Chaos;

/// <summary>What a reconciliation found; every count must be zero.</summary>
public sealed class Discrepancies
{
    private const int KeptNotes = 20;

    /// <summary>Acknowledged changes the grid does not show: an accepted order missing, a fill not booked, a cancel undone.</summary>
    public int Lost { get; set; }

    /// <summary>Acknowledged changes the grid shows more than once: a fill booked twice.</summary>
    public int AppliedTwice { get; set; }

    /// <summary>Changes the grid shows that were never acknowledged (an order resting that the engine saw rejected or never sent).</summary>
    public int Unacknowledged { get; set; }

    /// <summary>Differences that name no single change: a position off by other than one fill, a balance that does not add up.</summary>
    public int Other { get; set; }

    /// <summary>Accounts whose state is uncertain because a message for them never got a final reply (not counted above).</summary>
    public int Uncertain { get; set; }

    /// <summary>Accounts whose portfolio could not be read.</summary>
    public int Unread { get; set; }

    /// <summary>The first few findings, in words.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>True when nothing was found.</summary>
    public bool Clean => Lost + AppliedTwice + Unacknowledged + Other + Uncertain + Unread == 0;

    /// <summary>Adds a finding to the notes (the first few are kept).</summary>
    public void Note(string text)
    {
        if (Notes.Count < KeptNotes)
        {
            Notes.Add(text);
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts and notes to these.</summary>
    public void Add(Discrepancies other)
    {
        Lost += other.Lost;
        AppliedTwice += other.AppliedTwice;
        Unacknowledged += other.Unacknowledged;
        Other += other.Other;
        Uncertain += other.Uncertain;
        Unread += other.Unread;
        other.Notes.ForEach(Note);
    }
}
