using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Reads and writes the types the generator cannot handle with the <see cref="JsonSerializerOptions"/> of the app
/// (or of the <c>JsonSerializer</c> call) doing the work: a request's come from its <see cref="EndpointRuntime"/>,
/// never from a process-wide setting. Under Native AOT those options need a <c>JsonSerializerContext</c> that
/// knows the type; the FEG4001 warning says so.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FallbackJson
{
    /// <summary>
    /// System.Text.Json's web defaults, read-only, for generated code used with no options given (outside an app, or an
    /// app with no <c>JsonOptions</c>). No app can configure it.
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <summary>Writes a value with <paramref name="options"/>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    /// <summary>Reads a value with the context's options, recording a failure as an error at the current location.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonReadContext context)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)context.SerializerOptions.GetTypeInfo(typeof(T)))!;
        }
        catch (JsonException exception)
        {
            context.AddError(ErrorTypes.ValueError, "Value error, " + exception.Message);
            return default!;
        }
    }

    // As ASP.NET Core's own JsonOptions: reflection only where the app allows it, so a Native AOT app trims it away
    // (its fallback types then need a JsonSerializerContext in the app's options, which FEG4001 says).
    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault ? CreateReflectionResolver() : JsonTypeInfoResolver.Combine(),
        };
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch the trimmer honours.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch the trimmer honours.")]
    private static DefaultJsonTypeInfoResolver CreateReflectionResolver() => new();
}
