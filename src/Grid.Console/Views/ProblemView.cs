namespace Grid.Console.Views;

/// <summary>Why a live stream could not send what was asked (the HTTP status it would have had).</summary>
internal sealed record ProblemView(int Status, string Detail);
