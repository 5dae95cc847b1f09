using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A reservation a station accepted: for whom, where (null: any EVSE), until when, and how it stands.</summary>
public sealed record ReservationModel(
    int Id, int? EvseId, string IdToken, string IdTokenType, string? GroupIdToken, string? ConnectorType,
    DateTimeOffset ExpiresAt, string Status, string? TransactionId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The station's answer to a reservation command and whether it took effect (and was stored).</summary>
public sealed record ReservationCommandResult(JsonElement Response, bool Applied);
