using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>A logger provider keeping each entry's time, event name, level, message and structured values.</summary>
internal sealed class RecordedLogs : ILoggerProvider
{
    public sealed record Entry(DateTimeOffset At, string EventName, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
    {
        public string Text(string name) => Values.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IEnumerable<Entry> Named(string eventName) => Entries.Where(entry => entry.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.First().Value)
                : [];
            owner.Entries.Enqueue(new Entry(DateTimeOffset.UtcNow, eventId.Name ?? "", logLevel, formatter(state, exception), values));
        }
    }
}
