namespace Grid.Host.Hosting;

/// <summary>Which grain directory the silos use to find an activation (every silo of a cluster must use the same).</summary>
public enum GrainDirectoryKind
{
    /// <summary>
    /// Orleans' default directory: each silo holds a partition; when a silo dies, the activations the dead silo
    /// registered on the survivors' behalf are deactivated on the survivors too.
    /// </summary>
    Local = 1,

    /// <summary>
    /// Orleans' distributed directory (experimental in Orleans 10): when a silo dies, its partition is rebuilt
    /// from the survivors' own activations, which stay active.
    /// </summary>
    Distributed = 2,
}
