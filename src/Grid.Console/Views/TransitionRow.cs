namespace Grid.Console.Views;

/// <summary>Accounts going from one state to another (without credits, or under a candidate rulebook).</summary>
internal sealed record TransitionRow(string From, string To, long Accounts);
