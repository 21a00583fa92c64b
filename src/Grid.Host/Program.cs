// Margin Grid: one process hosts the Orleans silo and the gRPC gateway.
// Embedded default: localhost clustering, in-memory storage, demo data (see README).
var builder = WebApplication.CreateBuilder(args);
builder.AddGridHost();

var app = builder.Build();
app.MapGridHost();
app.Run();

/// <summary>Entry point (public for in-process hosting in tests).</summary>
public partial class Program;
