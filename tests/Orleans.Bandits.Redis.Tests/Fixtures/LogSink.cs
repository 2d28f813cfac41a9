using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Keeps the errors the Redis stream provider logs in any silo of this process, so tests can check them.</summary>
public sealed class LogSink : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Captured = new();

    public static IReadOnlyCollection<string> Errors => Captured;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith("Orleans.Bandits.Redis", StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(bool captures) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => captures && logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Captured.Enqueue(formatter(state, exception));
            }
        }
    }
}
