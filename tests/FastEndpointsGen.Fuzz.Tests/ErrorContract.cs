using System.Text.Json;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>The shape every client error must have (docs/errors.md), in either error format.</summary>
internal static class ErrorContract
{
    /// <summary>
    /// Statuses ASP.NET itself may answer with an empty body before an endpoint runs: authentication (401, 403),
    /// no matching route (404, also <c>TypedResults.NotFound()</c>), no matching method (405) and the rate limiter's
    /// rejection (429, for an endpoint that opts in with <c>[EnableRateLimiting]</c>).
    /// </summary>
    private static readonly HashSet<int> EmptyBodyAllowed = [401, 403, 404, 405, 429];

    /// <summary>Why the answer breaks the contract, or null when it keeps it.</summary>
    public static string? Check(ErrorFormat format, int status, string? mediaType, byte[] body)
    {
        if (status is < 400 or >= 500)
        {
            return null;
        }

        if (body.Length == 0)
        {
            return EmptyBodyAllowed.Contains(status) ? null : $"{status} with an empty body";
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"{status} whose body is not JSON ({e.Message})";
        }

        return format == ErrorFormat.ProblemDetails ? CheckProblem(status, mediaType, root) : CheckFastApi(status, mediaType, root);
    }

    private static string? CheckProblem(int status, string? mediaType, JsonElement root)
    {
        if (mediaType != "application/problem+json")
        {
            return $"{status} with media type {mediaType ?? "(none)"}, not application/problem+json";
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("status", out var statusMember) || !statusMember.TryGetInt32(out var written) || written != status)
        {
            return $"{status} problem without string type and title and status {status}";
        }

        if (status != 422)
        {
            return null;
        }

        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
        {
            return "422 problem without a non-empty errors object";
        }

        foreach (var error in errors.EnumerateObject())
        {
            if (error.Value.ValueKind != JsonValueKind.Array || error.Value.GetArrayLength() == 0
                || error.Value.EnumerateArray().Any(message => message.ValueKind != JsonValueKind.String))
            {
                return $"422 problem whose errors[\"{error.Name}\"] is not a non-empty array of strings";
            }
        }

        return null;
    }

    private static string? CheckFastApi(int status, string? mediaType, JsonElement root)
    {
        if (mediaType != "application/json")
        {
            return $"{status} with media type {mediaType ?? "(none)"}, not application/json";
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("detail", out var detail))
        {
            return $"{status} without a detail member";
        }

        if (status != 422)
        {
            return detail.ValueKind == JsonValueKind.String ? null : $"{status} whose detail is not a string";
        }

        if (detail.ValueKind != JsonValueKind.Array || detail.GetArrayLength() == 0)
        {
            return "422 whose detail is not a non-empty array";
        }

        foreach (var item in detail.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("loc", out var loc) || loc.ValueKind != JsonValueKind.Array
                || !item.TryGetProperty("msg", out var msg) || msg.ValueKind != JsonValueKind.String)
            {
                return "422 whose detail item lacks a string type, an array loc or a string msg";
            }
        }

        return null;
    }
}
