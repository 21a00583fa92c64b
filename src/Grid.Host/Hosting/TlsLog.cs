namespace Grid.Host.Hosting;

/// <summary>Log lines about the transport security of the host's ports, with fixed event ids (3001..).</summary>
internal static partial class TlsLog
{
    /// <summary>Logger category of these lines.</summary>
    public const string Category = "Grid.Host.Tls";

    [LoggerMessage(EventId = 3001, EventName = "PortScheme", Level = LogLevel.Information, Message = "{Port} port {Number} serves {Scheme} ({Protocols}) on {Interfaces}")]
    public static partial void PortScheme(ILogger logger, string port, int number, string scheme, string protocols, string interfaces);

    [LoggerMessage(EventId = 3002, EventName = "CertificateLoaded", Level = LogLevel.Information, Message = "TLS certificate {Subject} (SHA-256 {Thumbprint}, {Intermediates} intermediate(s)) from {Path}, valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string thumbprint, int intermediates, string path, DateTime notAfter);

    [LoggerMessage(EventId = 3003, EventName = "CertificateExpiring", Level = LogLevel.Warning, Message = "TLS certificate {Subject} expires {NotAfter:u}: renew it, then restart the silos (the certificate is read at start)")]
    public static partial void CertificateExpiring(ILogger logger, string subject, DateTime notAfter);
}
