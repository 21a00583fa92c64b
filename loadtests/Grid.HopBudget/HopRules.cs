namespace Grid.HopBudget;

/// <summary>
/// The hops of issue 14's budget, in table order, and the frames that identify them. Kestrel, gRPC,
/// Orleans and the runtime are matched by namespace; the grid's own code by type. "detail" rows are
/// reported inclusively only (a sub-cost of other hops, e.g. decimal conversion in both directions).
/// </summary>
public static class HopRules
{
    /// <summary>The hops, in table order.</summary>
    public static readonly Hop[] Hops =
    [
        new("stream read (HTTP/2 + protobuf parse)", 35,
        [
            "HttpContextStreamReader", "ReadStreamMessageAsync", "ReadSingleMessageAsync", "Http2Connection", "Http2Stream::OnData", "Http2MessageBody",
            "MergeFrom", "ParseContext", "ParsingPrimitives", "CodedInputStream", "ParseFrom", "SegmentedReadOnlyBuffer",
            "SocketConnection::DoReceive", "Sockets.SocketAsyncEngine", "SocketAsyncContext", "EngineStream+<Serve>", "ReadAllAsync",
            "Kestrel.Core.Internal.Http2.Http2Stream", "DuplexStreamingServerCallHandler", "ServerCallHandlerBase",
        ]),
        new("validation + conversion to EngineCommand", 60, ["PreTrade.EngineMessages", "Grid.Gateway.Validation", "EngineCommand::.ctor", "EngineCommand::set_"]),
        new("routing (AccountLanes)", 50, ["PreTrade.AccountLanes"]),
        new("Orleans grain call (send, schedule, respond)", 45, ["Orleans.", "OrleansCodeGen", "Proxy_IAccountGrain", "Invokable_IAccountGrain"]),
        new("apply (AccountProcessor, grain Execute)", 70, ["Accounts.AccountProcessor", "Accounts.AccountRecord", "Accounts.RecentWindow", "Accounts.OrderRateLimit", "Accounts.IdHash", "AccountGrain::Execute", "AccountGrain+<Execute>", "AccountGrain::PersistAndPull", "AccountGrain+<PersistAndPull>", "AccountGrain::Persist", "AccountGrain+<Persist>", "AccountGrain::RecordState", "EngineReply::.ctor", "EngineReply::set_"]),
        new("core (OrderGate / AccountBook.Check)", 75, ["Grid.Risk."]),
        new("storage (GroupCommit + SiloMemoryGrainStorage)", 85, ["Accounts.GroupCommit", "SiloMemoryGrainStorage", "StateStorageBridge", "Orleans.Core.PersistentState"]),
        new("side effects (replica, registry, metrics, watchers)", 90,
        [
            "AccountGrain::AfterChange", "AccountGrain+<AfterChange>", "AccountGrain::AnnounceIfChanged", "AccountGrain+<AnnounceIfChanged>", "AccountGrain::Report", "AccountGrain+<Report>",
            "AccountGrain::PushToWatchers", "AccountGrain+<PushToWatchers>", "AccountGrain::get_AtRisk", "Monitoring.SiloMarginMonitor", "MonitoredAccount", "AccountProjection", "MarginMonitor", "AccountMetrics",
            "AccountRegistryGrain", "AccountRegistryBucketGrain", "RegistryBucketStore", "RegistryBuckets", "System.Diagnostics.Metrics", "ObserverManager", "GridMetrics",
        ]),
        new("reply conversion (GridReplies)", 65, ["PreTrade.GridReplies", "EngineStream::Reply", "Conversion.WireEnums", "Conversion.WireDecimal::From"]),
        new("audit (DecisionAudit, trail)", 80, ["Grid.Gateway.Audit"]),
        new("stream write (queue, protobuf, HTTP/2)", 40,
        [
            "Streaming.SerialWriter", "HttpContextStreamWriter", "WriteStreamedMessage", "WriteMessageAsync", "Http2FrameWriter", "Http2OutputProducer", "SocketConnection::DoSend", "SocketSender",
            "WriteTo", "CalculateSize", "WriteContext", "WritingPrimitives", "CodedOutputStream", "System.Threading.Channels", "PipeWriter", "Pipe::Flush", "ConcurrentPipeWriter",
        ]),
        new("kernel TCP + epoll (loopback, both directions)", 30, ["tcp_", "sock_", "__sys_", "epoll", "do_syscall_64", "entry_SYSCALL", "ip_", "__netif", "net_rx", "skb", "loopback"]),
        new("GC (collections + allocation slow path)", 100, ["gc_heap::", "GCHeap::", "WKS::", "SVR::", "comm:.NET Server GC", "comm:.NET BGC", "comm:.NET Background GC", "gc-alloc-clear", "GCToEEInterface", "Alloc(", "AllocateSmall", "JIT_New", "RhpNew", "allocate_more_space", "try_allocate_more_space"]),
        new("thread pool, async machinery, context switches", 20,
        [
            "System.Threading.ThreadPool", "PortableThreadPool", "LowLevelLifoSemaphore", "LowLevelSpinWaiter", "System.Threading.Tasks.", "AsyncTaskMethodBuilder", "AsyncValueTaskMethodBuilder", "ExecutionContext",
            "IOQueue", "SpinWait", "futex", "schedule", "finish_task_switch", "__switch_to", "comm:.NET TP Worker",
        ]),
        new("runtime other (JIT, tiering, stubs, tracing)", 10, ["libclrjit", "TieredCompilation", "comm:.NET Tiered", "comm:.NET EventPipe", "comm:.NET Counter", "ep_", "EventPipe", "PerfMap", "libcoreclr.so"]),
    ];

    /// <summary>Inclusive-only sub-costs, shown under the table.</summary>
    public static readonly Hop[] Details =
    [
        new("  detail: wire Decimal <-> decimal (WireDecimal, both ways)", 0, ["Conversion.WireDecimal"]),
        new("  detail: Orleans deep copy (copiers)", 0, ["Orleans.Serialization.Cloning", "DeepCopier", "Copier`", "Copier::", "CopyContext"]),
        new("  detail: GrainFactory.GetGrain per call (interface type by reflection)", 0, ["GrainFactory::GetGrain"]),
        new("  detail: Orleans scheduler (WorkItemGroup, ActivationTaskScheduler)", 0, ["Orleans.Runtime.Scheduler"]),
        new("  detail: protobuf (both ways)", 0, ["Google.Protobuf"]),
        new("  detail: AccountBook.Create (book rebuild)", 0, ["AccountBook::Create"]),
        new("  detail: Task.Run dispatch from TryEnqueue", 0, ["AccountLanes::TryEnqueue"]),
    ];

    /// <summary>Priority from which a hop claims every sample under it (GC, storage, side effects, audit).</summary>
    public const int Container = 80;

    /// <summary>Priority below which a hop is generic machinery, used only when no hop of the path matched.</summary>
    public const int Machinery = 30;

    /// <summary>
    /// Index of the hop a stack (leaf first) belongs to, or -1: a container hop anywhere on the stack
    /// (the highest wins); else the innermost frame that belongs to a hop of the path, so the grain
    /// call started by a lane counts as the call and the reply built in a lane as reply conversion;
    /// else generic machinery (thread pool, async builders, JIT).
    /// </summary>
    public static int Classify(IReadOnlyList<string> frames)
    {
        var best = Highest(frames, Container, int.MaxValue);
        if (best >= 0)
        {
            return best;
        }

        foreach (var frame in frames)
        {
            if (frame.StartsWith("type:", StringComparison.Ordinal))
            {
                continue;
            }

            for (var h = 0; h < Hops.Length; h++)
            {
                if (Hops[h].Priority is >= Machinery and < Container && Hops[h].Matches(frame) && (best < 0 || Hops[h].Priority > Hops[best].Priority))
                {
                    best = h;
                }
            }

            if (best >= 0)
            {
                return best;
            }
        }

        return Highest(frames, int.MinValue, Machinery);
    }

    private static int Highest(IReadOnlyList<string> frames, int from, int below)
    {
        var best = -1;
        for (var h = 0; h < Hops.Length; h++)
        {
            if (Hops[h].Priority >= from && Hops[h].Priority < below && (best < 0 || Hops[h].Priority > Hops[best].Priority) && Any(Hops[h], frames))
            {
                best = h;
            }
        }

        return best;
    }

    /// <summary>True when any frame of the stack belongs to <paramref name="hop"/>.</summary>
    public static bool Any(Hop hop, IReadOnlyList<string> frames)
    {
        foreach (var f in frames)
        {
            // "type:" names the allocated type (allocation samples), not a frame.
            if (!f.StartsWith("type:", StringComparison.Ordinal) && hop.Matches(f))
            {
                return true;
            }
        }

        return false;
    }
}
