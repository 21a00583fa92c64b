namespace Grid.Console.Views;

/// <summary>How often one reject reason was given over the activity window.</summary>
internal sealed record ReasonRate(string Code, string Label, long Count, double PerSecond);
