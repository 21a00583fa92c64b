// The scenarios start hosts and browsers: one at a time keeps a two-core CI machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
