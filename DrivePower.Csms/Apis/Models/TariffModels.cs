namespace DrivePower.Csms.Apis.Models;

/// <summary>
/// The body of <c>PUT /api/tariff</c> and <c>PUT /api/stations/{stationId}/tariff</c>: an ISO 4217 currency
/// (three capital letters) and three prices ≥ 0 in it: per kWh delivered, per minute of session, per session.
/// </summary>
public sealed record TariffRequest(string? Currency, decimal? PricePerKwh, decimal? PricePerMinute, decimal? PricePerSession);

/// <summary>A tariff as stored; <c>stationId</c> is null for the default.</summary>
public sealed record TariffModel(
    string? StationId, string Currency, decimal PricePerKwh, decimal PricePerMinute, decimal PricePerSession, DateTimeOffset UpdatedAt);
