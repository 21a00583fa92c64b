using Grid.Cli;

// grid: the Margin Grid command line over the grid.v1 gRPC contract. `grid help` lists the commands;
// CliApp does the work (parsing, dispatch, exit codes) so that tests can drive it without a console.
return await CliApp.RunAsync(args);
