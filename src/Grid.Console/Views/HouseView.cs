namespace Grid.Console.Views;

/// <summary>The House risk page: the latest house run and the last dry-run impact (each null until there is one).</summary>
internal sealed record HouseView(HouseRunRow? Run, ImpactRow? DryRun);
