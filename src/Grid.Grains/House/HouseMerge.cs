using Grid.Risk.Stress;
using Grid.Risk.Supervision;

namespace Grid.Grains.House;

/// <summary>Merges the silos' parts into the house figures (exact: the split does not show), refusing parts of different rulebooks.</summary>
internal static class HouseMerge
{
    /// <summary>True when every part used the same rulebook version.</summary>
    public static bool OneRulebook(IReadOnlyList<StressPart> parts) => parts.All(p => p.RulebookVersion == parts[0].RulebookVersion);

    /// <summary>True when every part used the same rulebook version.</summary>
    public static bool OneRulebook(IReadOnlyList<ImpactPart> parts) => parts.All(p => p.CurrentVersion == parts[0].CurrentVersion);

    public static (HouseStress Stress, HouseDependency Dependency) Stress(IReadOnlyList<StressPart> parts)
    {
        var stress = HouseParts.RestoreStress(parts[0]);
        var dependency = HouseParts.RestoreDependency(parts[0].Dependency);
        foreach (var p in parts.Skip(1))
        {
            stress.Merge(HouseParts.RestoreStress(p));
            dependency.Merge(HouseParts.RestoreDependency(p.Dependency));
        }

        return (stress, dependency);
    }

    public static HouseImpact Impact(IReadOnlyList<ImpactPart> parts)
    {
        var impact = HouseParts.RestoreImpact(parts[0]);
        foreach (var p in parts.Skip(1))
        {
            impact.Merge(HouseParts.RestoreImpact(p));
        }

        return impact;
    }
}
