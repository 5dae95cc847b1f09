using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A message on a station's display: its id, priority, state, when, for which transaction, and the text.</summary>
public sealed record DisplayMessageModel(
    int Id, string Priority, string? State, DateTimeOffset? StartDateTime, DateTimeOffset? EndDateTime, string? TransactionId,
    string Content, string Origin, DateTimeOffset UpdatedAt, JsonElement Message);

/// <summary>The station's answer to a display-message command and whether it took effect (and was stored).</summary>
public sealed record DisplayMessageCommandResult(JsonElement Response, bool Applied);
