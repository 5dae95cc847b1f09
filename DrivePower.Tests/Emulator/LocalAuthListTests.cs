using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>D: the emulated station keeps the local list the CSMS sends, by version, and authorizes from it (and its cache) as LocalAuthListCtrlr / AuthCacheCtrlr say.</summary>
public class LocalAuthListTests
{
    private static AuthorizationData Entry(string token, AuthorizationStatus? status) => new()
    {
        IdToken = new IdToken { Token = token, Type = IdTokenType.ISO14443 },
        IdTokenInfo = status is { } verdict ? new IdTokenInfo { Status = verdict } : null,
    };

    private static Task<SetVariablesResponse> SetAsync(BootedStation station, string component, string variable, string value) =>
        station.SendAsync(new SetVariablesRequest
        {
            SetVariableData = [new SetVariableData { Component = new Component { Name = component }, Variable = new Variable { Name = variable }, AttributeValue = value }],
        });

    private static async Task<bool> PresentAsync(BootedStation station, string token)
    {
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        using var response = await control.PostAsJsonAsync($"/api/stations/{station.Id}/evses/1/id-token", new { idToken = token });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetBoolean();
    }

    [Fact]
    public async Task A_Full_list_sets_the_version_a_newer_Differential_one_changes_it_and_an_older_one_is_a_VersionMismatch()
    {
        await using var station = await BootedStation.StartAsync("CP-LL-VERSION");

        var empty = await station.SendAsync(new GetLocalListVersionRequest());
        var full = await station.SendAsync(new SendLocalListRequest
        {
            VersionNumber = 5, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry("A", AuthorizationStatus.Accepted), Entry("B", AuthorizationStatus.Blocked)],
        });
        var stale = await station.SendAsync(new SendLocalListRequest { VersionNumber = 5, UpdateType = UpdateType.Differential, LocalAuthorizationList = [Entry("C", AuthorizationStatus.Accepted)] });
        var diff = await station.SendAsync(new SendLocalListRequest { VersionNumber = 6, UpdateType = UpdateType.Differential, LocalAuthorizationList = [Entry("B", null), Entry("C", AuthorizationStatus.Accepted)] });
        var version = await station.SendAsync(new GetLocalListVersionRequest());
        var entries = await station.SendAsync(new GetVariablesRequest
        {
            GetVariableData = [new GetVariableData { Component = new Component { Name = "LocalAuthListCtrlr" }, Variable = new Variable { Name = "Entries" } }],
        });

        Assert.Equal(0, empty.VersionNumber);
        Assert.Equal(SendLocalListStatus.Accepted, full.Status);
        Assert.Equal(SendLocalListStatus.VersionMismatch, stale.Status);
        Assert.Equal(SendLocalListStatus.Accepted, diff.Status);
        Assert.Equal(6, version.VersionNumber);
        Assert.Equal("2", entries.GetVariableResult[0].AttributeValue); // A and C; B removed
    }

    [Fact]
    public async Task A_list_that_is_disabled_too_long_repeats_a_token_or_lacks_verdicts_in_a_Full_update_Fails()
    {
        await using var station = await BootedStation.StartAsync("CP-LL-FAIL");

        var tooMany = await station.SendAsync(new SendLocalListRequest
        {
            VersionNumber = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [.. Enumerable.Range(0, 101).Select(i => Entry($"T{i}", AuthorizationStatus.Accepted))],
        });
        var twice = await station.SendAsync(new SendLocalListRequest { VersionNumber = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry("A", AuthorizationStatus.Accepted), Entry("a", AuthorizationStatus.Blocked)] });
        var noVerdict = await station.SendAsync(new SendLocalListRequest { VersionNumber = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry("A", null)] });
        await SetAsync(station, "LocalAuthListCtrlr", "Enabled", "false");
        var disabled = await station.SendAsync(new SendLocalListRequest { VersionNumber = 1, UpdateType = UpdateType.Full });

        Assert.All(new[] { tooMany, twice, noVerdict, disabled }, answer => Assert.Equal(SendLocalListStatus.Failed, answer.Status));
        Assert.Equal(0, (await station.SendAsync(new GetLocalListVersionRequest())).VersionNumber);
    }

    [Fact]
    public async Task Offline_a_token_the_list_accepts_authorizes_and_one_it_blocks_is_refused_even_when_cached_as_Accepted()
    {
        await using var station = await BootedStation.StartAsync("CP-LL-OFFLINE");
        Assert.True(await PresentAsync(station, "BLOCKED-IN-LIST")); // cached as Accepted while the CSMS answers
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        (await control.PostAsync($"/api/stations/{station.Id}/evses/1/plug", null)).Dispose();
        (await control.PostAsync($"/api/stations/{station.Id}/evses/1/unplug", null)).Dispose();
        await station.SendAsync(new SendLocalListRequest
        {
            VersionNumber = 1, UpdateType = UpdateType.Full,
            LocalAuthorizationList = [Entry("LISTED-OK", AuthorizationStatus.Accepted), Entry("BLOCKED-IN-LIST", AuthorizationStatus.Blocked)],
        });

        station.Csms.RefuseAuthorize = true; // the CSMS cannot answer
        var listed = await PresentAsync(station, "LISTED-OK");
        var blocked = await PresentAsync(station, "BLOCKED-IN-LIST");
        var unknown = await PresentAsync(station, "NOT-LISTED");

        Assert.True(listed);
        Assert.False(blocked);
        Assert.False(unknown);
    }

    [Fact]
    public async Task With_LocalPreAuthorize_a_listed_token_starts_without_an_Authorize()
    {
        await using var station = await BootedStation.StartAsync("CP-LL-PRE");
        await SetAsync(station, "AuthCtrlr", "LocalPreAuthorize", "true");
        await station.SendAsync(new SendLocalListRequest { VersionNumber = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [Entry("PRE-1", AuthorizationStatus.Accepted)] });

        var accepted = await PresentAsync(station, "PRE-1");
        var other = await PresentAsync(station, "NOT-LISTED");

        Assert.True(accepted);
        Assert.True(other);
        Assert.Equal(["NOT-LISTED"], station.Received<AuthorizeRequest>().Select(a => a.IdToken.Token));
    }

    [Fact]
    public async Task With_AuthCacheCtrlr_disabled_a_token_known_only_to_the_cache_is_not_authorized_offline()
    {
        await using var station = await BootedStation.StartAsync("CP-LL-CACHE");
        await SetAsync(station, "AuthCacheCtrlr", "Enabled", "false");
        Assert.True(await PresentAsync(station, "CACHED-1"));
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        (await control.PostAsync($"/api/stations/{station.Id}/evses/1/plug", null)).Dispose();
        (await control.PostAsync($"/api/stations/{station.Id}/evses/1/unplug", null)).Dispose();

        station.Csms.RefuseAuthorize = true;

        Assert.False(await PresentAsync(station, "CACHED-1"));
    }
}
