using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Configuration;

/// <summary>The CSMS's settings, section <c>Csms</c> (environment <c>Csms__HeartbeatIntervalSeconds</c>, ...).</summary>
public sealed class CsmsOptions : IValidatableObject
{
    public const string SectionName = "Csms";

    /// <summary>The heartbeat interval handed to stations in the BootNotification response.</summary>
    [Range(1, 86_400)]
    public int HeartbeatIntervalSeconds { get; set; } = 10;

    /// <summary>How long a CALL to a station waits for its answer.</summary>
    [Range(1, 600)]
    public int CallTimeoutSeconds { get; set; } = 30;

    /// <summary>The largest OCPP message accepted, in bytes; a larger one closes the socket with 1009.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageSizeBytes { get; set; } = 64 * 1024;

    /// <summary>WebSocket ping interval that keeps idle station connections alive.</summary>
    [Range(0, 3_600)]
    public int WebSocketKeepAliveSeconds { get; set; } = 30;

    /// <summary>
    /// How long a new TCP connection may take to send its complete upgrade request (and how long an idle
    /// HTTP keep-alive connection stays open); Kestrel closes it after that.
    /// </summary>
    [Range(1, 600)]
    public int HandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How long a station's WebSocket may stay open without an Accepted BootNotification; then it is
    /// closed with 1008. A station Accepted before, reconnecting, need not boot again.
    /// </summary>
    [Range(1, 3_600)]
    public int BootTimeoutSeconds { get; set; } = 60;

    /// <summary>How often the stations' <c>last_seen_at</c> marks (from any message) are written, coalesced.</summary>
    [Range(1, 3_600)]
    public int LastSeenFlushSeconds { get; set; } = 5;

    /// <summary>How often the live streams (<c>/api/events</c>, <c>/api/journal/live</c>) send a keep-alive comment.</summary>
    [Range(1, 3_600)]
    public int EventsKeepAliveSeconds { get; set; } = 15;

    /// <summary>
    /// How many of the latest live events are kept for a client that reconnects with <c>Last-Event-ID</c>;
    /// one that missed more is told to reload (an event <c>reset</c>).
    /// </summary>
    [Range(1, 1_000_000)]
    public int EventsReplayCapacity { get; set; } = 1024;

    /// <summary>
    /// What an idToken missing from the authorization list (<c>id_tokens</c>, managed through
    /// <c>/api/id-tokens</c>) gets in Authorize and TransactionEvent: <c>Accept</c> (default, a training
    /// stand lets anyone charge) answers Accepted, <c>Reject</c> answers Unknown. Environment
    /// <c>Csms__UnknownIdTokenPolicy</c>.
    /// </summary>
    public UnknownIdTokenPolicy UnknownIdTokenPolicy { get; set; } = UnknownIdTokenPolicy.Accept;

    /// <summary>
    /// OCPP security profile the stations must use: 0 (default, a training stand: no authentication),
    /// 1 (HTTP Basic auth, user = station id, password 16-40 characters), 2 (the same over TLS: wss to
    /// a Kestrel HTTPS endpoint) or 3 (TLS with a client certificate from <see cref="StationCaCertificatePath"/>
    /// whose subject CN is the station id; no password).
    /// </summary>
    [Range(0, 3)]
    public int SecurityProfile { get; set; }

    /// <summary>Profile 3: the PEM file of the CA that issues the stations' client certificates.</summary>
    public string? StationCaCertificatePath { get; set; }

    /// <summary>
    /// Profile 1: each station's password by station id (<c>Csms__StationPasswords__CP001</c>): a salted
    /// hash from <c>hash-password</c> (<see cref="StationPasswordHash"/>) or, for training, plain text.
    /// </summary>
    public Dictionary<string, string> StationPasswords { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The base address stations use to reach this CSMS over HTTP (firmware downloads, log uploads), e.g.
    /// <c>http://csms:8080</c> in compose. Unset, the CSMS's own first listening address is used, with a
    /// wildcard host written as <c>localhost</c>.
    /// </summary>
    public Uri? StationHttpBaseUrl { get; set; }

    /// <summary>Profile 1: the password (hash or plain) of a station not listed in <see cref="StationPasswords"/>; unset, such a station is refused.</summary>
    public string? DefaultStationPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (stationId, password) in StationPasswords.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (StationPasswordHash.Problem(password) is { } problem)
                yield return new ValidationResult(problem, [$"{nameof(StationPasswords)}:{stationId}"]);
        }

        if (DefaultStationPassword is not null && StationPasswordHash.Problem(DefaultStationPassword) is { } defaultProblem)
            yield return new ValidationResult(defaultProblem, [nameof(DefaultStationPassword)]);
        if (StationHttpBaseUrl is { } baseUrl && (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https")))
            yield return new ValidationResult("must be an absolute http:// or https:// address.", [nameof(StationHttpBaseUrl)]);
        if (SecurityProfile == 3 && CaProblem(StationCaCertificatePath) is { } caProblem)
            yield return new ValidationResult(caProblem, [nameof(StationCaCertificatePath)]);
    }

    private static string? CaProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "security profile 3 needs the PEM file of the CA that issues the station certificates.";
        try
        {
            using var ca = Authentication.StationCertificates.LoadCa(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            return $"cannot load a PEM certificate from {path}: {e.Message}";
        }
    }
}
