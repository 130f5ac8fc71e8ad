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
        // Large arrays: reading time grows with the square of the item count (5,000 ints into List<Line> take 0.8 s
        // over Kestrel, 80,000 `{}` take minutes), so a few hundred KB of JSON stalls a request.
        new("POST /json/list", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /json/order", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /json/product", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /json/tree", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /json/with-route/{id}", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /responses/created", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),
        new("POST /validation/signup", MutationKind.JsonHugeArray, "array reading is quadratic: 5,000 items > 2 s"),

        // Forms: ReadFormAsync's InvalidDataException/IOException escapes the generated binder as a 500.
        new("POST /context/form", MutationKind.MultipartNoBoundary, "multipart/form-data without boundary: InvalidDataException → 500"),
        new("POST /more/files", MutationKind.MultipartNoBoundary, "multipart/form-data without boundary: InvalidDataException → 500"),
        new("POST /context/form", MutationKind.MultipartTruncated, "truncated multipart: InvalidDataException/IOException → 500"),
        new("POST /more/files", MutationKind.MultipartTruncated, "truncated multipart: InvalidDataException/IOException → 500"),
        new("POST /context/form", MutationKind.MultipartWrongBoundary, "boundary mismatch/empty/over 128 chars: IOException/InvalidDataException → 500"),
        new("POST /more/files", MutationKind.MultipartWrongBoundary, "boundary mismatch/empty/over 128 chars: IOException/InvalidDataException → 500"),
        new("POST /context/form", MutationKind.FormUrlEncoded, "urlencoded form with invalid characters: InvalidDataException → 500"),
        new("POST /more/files", MutationKind.FormUrlEncoded, "urlencoded form with invalid characters: InvalidDataException → 500"),
        new("POST /context/form", MutationKind.MultipartManyParts, "over 1,024 form values: InvalidDataException → 500"),
        new("POST /more/files", MutationKind.MultipartManyParts, "over 1,024 form values: InvalidDataException → 500"),
        new("POST /context/form", MutationKind.OddContentType, "multipart/form-data without a (matching) boundary: → 500"),
        new("POST /more/files", MutationKind.OddContentType, "multipart/form-data without a (matching) boundary: → 500"),
        new("POST /context/form", MutationKind.MultipartHostileNames, "CR LF in a part's name: invalid Content-Disposition → 500"),
        new("POST /more/files", MutationKind.MultipartHostileNames, "CR LF in a part's name: invalid Content-Disposition → 500"),

        // Required collections: the document says required, the binder accepts their absence as empty.
        new("GET /query/array", MutationKind.ParameterMissing, "required query array missing → 200 []"),
        new("GET /query/list", MutationKind.ParameterMissing, "required query list missing → 200 []"),
        new("GET /query/strings", MutationKind.ParameterMissing, "required query array missing → 200 []"),
        new("GET /more/headers", MutationKind.ParameterMissing, "required header array missing → 200 []"),

        // Numbers from text: a double accepts 1e400 (Infinity) and NaN; a decimal accepts thousands separators.
        new("GET /query/many", MutationKind.ParameterNumberEdge, "query double 1e400/NaN accepted, docs say finite_number"),
        new("GET /route/decimal/{amount}", MutationKind.ParameterWrongType, "route decimal \"1,2\" accepted as 12"),
        new("GET /query/many", MutationKind.ParameterWrongType, "query double \"1,2\" accepted as 12"),

        // JSON integers: a value beyond long's range saturates to long.MinValue/MaxValue instead of int_parsing_size.
        new("POST /json/order", MutationKind.JsonNumberEdge, "body.version -9223372036854775809 accepted (saturates)"),

        // Patterns: a trailing newline passes (`$` matches before a final \n; TimeSpan parsing trims it).
        new("GET /fastapi/query/", MutationKind.ParameterOutOfRange, "query pattern accepts a trailing newline"),
        new("GET /route/timespan/{span}", MutationKind.ParameterOutOfRange, "route TimeSpan accepts a trailing newline against its documented pattern"),
        new("GET /route/timespan/{span}", MutationKind.ParameterPatternTrailingNewline, "route TimeSpan accepts a trailing newline against its documented pattern"),
        new("GET /validation/items/{id}", MutationKind.ParameterOutOfRange, "header pattern accepts a trailing newline"),
        new("GET /validation/items/{id}", MutationKind.ParameterPatternTrailingNewline, "header pattern accepts a trailing newline"),
        new("GET /fastapi/query/", MutationKind.ParameterPatternTrailingNewline, "query pattern accepts a trailing newline"),

        // FastAPI format: an error whose input is the Signup object echoes its [DataType(Password)] member.
        new("POST /validation/signup", MutationKind.JsonMissingMember, "FastAPI format echoes the password in input", ErrorFormat.FastApi),
    ];

    /// <summary>
    /// Server errors the test app asks for on purpose; not failures. <c>/responses/crash</c> throws to test the 500
    /// contract, and <c>/responses/error/{status}</c> throws <c>HttpError(status)</c> with whatever status the client
    /// names, so any status outside 400–499 there is the handler's own choice, not the client's mistake.
    /// </summary>
    public static bool IsDesignedServerError(FuzzRequest request)
    {
        switch (request.Operation.Key)
        {
            case "GET /responses/crash":
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
