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

    public static KnownFailure? Find(ErrorFormat format, ApiOperation operation, MutationKind kind) =>
        Array.Find(All, f => f.Operation == operation.Key && f.Kind == kind && (f.Format is null || f.Format == format));
}
