using FastEndpointsGen;

namespace TaskApi;

/// <summary>
/// What a store throws when its database cannot be reached: <c>HttpError(503, "The database is unavailable")</c>.
/// </summary>
/// <remarks>
/// FastEndpointsGen writes an <see cref="HttpError"/> thrown by a handler (or by a service it calls) as a
/// problem-details response, so a database outage answers a clean 503 without a stack trace or the
/// driver's message; the driver's exception is logged here instead, where operators look. Nothing is
/// cached about the outage: the next request opens a new connection, so the API recovers by itself when
/// the database is back. See docs/deployment.md, "Health and outages".
/// </remarks>
public static partial class DatabaseUnavailable
{
    /// <summary>The <c>detail</c> of the 503 problem.</summary>
    public const string Detail = "The database is unavailable";

    /// <summary>Logs <paramref name="exception"/> and returns the 503 to throw in its place.</summary>
    public static HttpError Error(ILogger logger, Exception exception)
    {
        LogUnavailable(logger, exception);
        return new HttpError(503, Detail);
    }

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "The database is unavailable; answering 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
