using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using Microsoft.AspNetCore.Components;

namespace DrivePower.Csms.WebConsole.Components;

/// <summary>
/// A page that stays current by push: it subscribes to <see cref="StationEventHub"/> for as long as the circuit shows
/// it, and reloads when an event it <see cref="Wants"/> arrives. Bursts (a boot storm) are coalesced into at most one
/// reload per <see cref="RefreshInterval"/>, so a busy stand does not turn into a query per event.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;
    private int _pending;

    [Inject]
    private StationEventHub Hub { get; set; } = default!;

    /// <summary>Why the last load failed (the database away, say), shown instead of the data; null when it worked.</summary>
    protected string? LoadError { get; private set; }

    protected virtual TimeSpan RefreshInterval => TimeSpan.FromMilliseconds(250);

    protected CancellationToken Stopping => _stop.Token;

    protected abstract bool Wants(StationEvent stationEvent);

    /// <summary>Reads what the page shows; called first, after each wanted event, and by <see cref="ReloadAsync"/>.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Called for each wanted event before the reload, on the circuit's thread (for state kept in memory).</summary>
    protected virtual void OnEvent(StationEvent stationEvent)
    {
    }

    protected override async Task OnInitializedAsync()
    {
        _listening ??= ListenAsync(_stop.Token);
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        try
        {
            await LoadAsync(_stop.Token);
            LoadError = null;
        }
        catch (StorageUnavailableException exception)
        {
            LoadError = $"The database is not reachable ({exception.Message}); the page shows what it had.";
        }
        catch (StorageRejectedValueException)
        {
            LoadError = "The database refused a value of the filter; change the filter.";
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var stationEvent in Hub.SubscribeAsync(cancellationToken))
            {
                if (!Wants(stationEvent))
                    continue;
                await InvokeAsync(() => OnEvent(stationEvent));
                RequestRefresh();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Asks for a reload within <see cref="RefreshInterval"/>, joining one already asked for (for other push sources of a page).</summary>
    protected void RequestRefresh()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
            _ = RefreshSoonAsync(_stop.Token);
    }

    private async Task RefreshSoonAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RefreshInterval, cancellationToken);
            Volatile.Write(ref _pending, 0);
            await InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // the circuit went away between the event and the reload
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is not null)
            await _listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
