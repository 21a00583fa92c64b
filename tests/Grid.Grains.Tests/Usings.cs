global using Xunit;
global using Grid.Testing;
