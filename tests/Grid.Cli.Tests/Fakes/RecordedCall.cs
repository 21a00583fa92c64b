using Grpc.Core;

namespace Grid.Cli.Tests.Fakes;

/// <summary>One call the CLI made: the method's full name ("/grid.v1.PreTrade/Check"), the request and the options.</summary>
internal sealed record RecordedCall(string Method, object Request, CallOptions Options);
