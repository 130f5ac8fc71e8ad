namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>A pair of an operation and a mutation kind the current product fails, and why.</summary>
internal sealed record KnownFailure(string Operation, MutationKind Kind, string Reason, ErrorFormat? Format = null);

/// <summary>
/// The one place failures are tolerated. The suite does not send these (operation, mutation kind) pairs and prints
/// that it skipped them; each entry names the product failure it stands for. Remove an entry when its fix lands:
/// the suite then sends those requests again. Nothing else in the suite hides a failure.
/// </summary>
internal static class KnownFailures
{
    public static readonly KnownFailure[] All =
    [
        // Not ours to answer: [Consumes] is endpoint metadata, so ASP.NET's routing (AcceptsMatcherPolicy) refuses another
        // content type with a bare 415 before the endpoint runs, exactly as for a minimal API with [Consumes].
        new("POST /composition/media-types", MutationKind.OddContentType, "ASP.NET routing answers 415 with an empty body for a content type [Consumes] does not list"),
    ];

    /// <summary>
    /// Server errors the test app asks for on purpose; not failures. <c>/responses/crash</c> and the <c>/hostile</c> crash,
    /// throwing-getter and throwing-result endpoints throw to test the 500
    /// contract, and <c>/responses/error/{status}</c> throws <c>HttpError(status)</c> with whatever status the client
    /// names, so any status outside 400–499 there is the handler's own choice, not the client's mistake.
    /// </summary>
    public static bool IsDesignedServerError(FuzzRequest request)
    {
        switch (request.Operation.Key)
        {
            case "GET /responses/crash":
            case "GET /streams/fails-first":
            case "GET /composition/crash":
            case "GET /hostile/crash/{name}":
            case "GET /hostile/throwing-getter":
            case "GET /hostile/throwing-result":
                return true;
            case "GET /responses/error/{status}":
                var segment = request.Url.Split('?')[0].Split('/')[^1];
                return int.TryParse(segment, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var status)
                    && status is < 400 or > 499;
            default:
                return false;
        }
    }

    /// <summary>
    /// Operations the suite does not send anything to, each for a reason that is the test app's design, not a
    /// product failure: their answers depend on a test driving them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotFuzzed = new Dictionary<string, string>
    {
        ["GET /streams/gated"] = "produces each item only when a streaming test releases it; a request waits until the client gives up",
        ["GET /events/gated"] = "produces each event only when a server-sent events test releases it",
        ["GET /composition/limited"] = "allows one request per window by design (the rate-limiting test): every later answer is 429",
        ["GET /composition/slow"] = "outlasts its [RequestTimeout] on purpose (the request-timeouts test): every answer is the middleware's 504",
        ["GET /streams/fails-later"] = "fails after its first item on purpose: the connection is aborted mid-response, which a client sees as a broken stream",
    };

    public static KnownFailure? Find(ErrorFormat format, ApiOperation operation, MutationKind kind) =>
        Array.Find(All, f => f.Operation == operation.Key && f.Kind == kind && (f.Format is null || f.Format == format));
}
