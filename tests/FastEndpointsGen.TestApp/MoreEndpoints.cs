using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>A user type that binds from strings through <see cref="IParsable{TSelf}"/>: <c>12.5,-3</c>.</summary>
public readonly record struct Coordinate(double Lat, double Lon) : IParsable<Coordinate>
{
    public static Coordinate Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException("Expected 'lat,lon'.");

    public static bool TryParse(string? s, IFormatProvider? provider, out Coordinate result)
    {
        var parts = s?.Split(',');
        if (parts is [var lat, var lon]
            && double.TryParse(lat, System.Globalization.NumberStyles.Float, provider, out var latitude)
            && double.TryParse(lon, System.Globalization.NumberStyles.Float, provider, out var longitude))
        {
            result = new Coordinate(latitude, longitude);
            return true;
        }

        result = default;
        return false;
    }
}

/// <summary>A model with a member the generator cannot handle: written through the app's JSON options.</summary>
public sealed class Envelope
{
    public string Kind { get; set; } = "";

    public object? Payload { get; set; }
}

/// <summary>A fallback payload with a member name the app's naming policy decides.</summary>
public sealed class Shipment
{
    public int ItemCount { get; set; }
}

/// <summary>The less common binding sources and types.</summary>
[EndpointGroup("/more", Tags = ["More"])]
public static class MoreEndpoints
{
    [Get("/datetime/{at}")]
    public static DateTime At(DateTime at) => at;

    [Get("/time")]
    public static TimeOnly Time(TimeOnly at) => at;

    [Get("/uri")]
    public static string Link(Uri target) => target.ToString();

    [Get("/coordinate/{point}")]
    public static string Point(Coordinate point, Coordinate? other = null) => $"{point.Lat}|{point.Lon}|{other?.Lat.ToString() ?? "none"}";

    [Get("/headers")]
    public static string[] Headers([FromHeader(Name = "X-Tag")] string[] tags) => tags;

    [Post("/files")]
    public static string Files(IFormFileCollection files) => string.Join(",", files.Select(f => $"{f.FileName}:{f.Length}"));

    [Post("/pipe")]
    public static async Task<string> Pipe(PipeReader reader)
    {
        var result = await reader.ReadAtLeastAsync(int.MaxValue);
        var text = Encoding.UTF8.GetString(result.Buffer);
        reader.AdvanceTo(result.Buffer.End);
        return text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Get("/not-found")]
    public static string NotFound() => throw new HttpError(404);

    /// <summary>A status thrown by a helper the handler calls: documented all the same (docs/openapi.md).</summary>
    [Get("/locked/{id}")]
    public static string Locked(int id)
    {
        Guard.EnsureUnlocked(id);
        return "open";
    }

    // Deliberately exercises the JSON fallback (Envelope.Payload is object), which FEG4001 reports.
#pragma warning disable FEG4001
    [Get("/envelope")]
    public static Envelope Envelope() => new() { Kind = "text", Payload = "hello" };

    // The same fallback three ways, for hosts with different JsonOptions: written by the endpoint, read from a body,
    // and written by TypedResults through the generated contracts in the app's JsonSerializerOptions.
    [Get("/envelope/shipment")]
    public static Envelope ShipmentEnvelope() => new() { Kind = "shipment", Payload = new Shipment { ItemCount = 2 } };

    [Post("/envelope/payload-type")]
    public static string PayloadType(Envelope envelope) => envelope.Payload?.GetType().Name ?? "null";

    [Get("/envelope/typed")]
    public static Microsoft.AspNetCore.Http.HttpResults.Ok<Envelope> TypedEnvelope() =>
        Microsoft.AspNetCore.Http.TypedResults.Ok(ShipmentEnvelope());
#pragma warning restore FEG4001
}

/// <summary>Checks shared by handlers; the generator follows calls into it to document the errors it throws.</summary>
public static class Guard
{
    public static void EnsureUnlocked(int id)
    {
        if (id == 0)
        {
            throw new HttpError(423, "The item is locked.");
        }
    }
}
