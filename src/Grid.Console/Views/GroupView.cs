namespace Grid.Console.Views;

/// <summary>One risk group's requirement with its scenario heatmap.</summary>
internal sealed record GroupView(
    string Group,
    decimal Scan,
    decimal Basis,
    decimal ShortOptionMinimum,
    decimal Concentration,
    decimal Delta,
    decimal GroupIm,
    decimal Credit,
    string Side,
    decimal OpenLoss,
    decimal FeeReserve,
    int WorstScenario,
    double WorstShock,
    string WorstVol,
    HeatmapView Heatmap);
