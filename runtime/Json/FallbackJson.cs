using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Reads and writes the types the generator cannot handle with the app's own
/// <see cref="JsonSerializerOptions"/> (ASP.NET Core's <see cref="JsonOptions"/>). Under Native AOT
/// those options need a <c>JsonSerializerContext</c> that knows the type; the FEG4001 warning says so.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FallbackJson
{
    private static JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    /// <summary>Points the fallback at the app's options and lets them resolve the generated types.</summary>
    public static void Configure(IServiceProvider services, IJsonTypeInfoResolver generated)
    {
        var options = services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions;
        if (options is null)
        {
            return;
        }

        // Generated types first, so TypedResults and the app's own serializer calls write what endpoints write.
        if (!options.IsReadOnly && !options.TypeInfoResolverChain.Contains(generated))
        {
            options.TypeInfoResolverChain.Insert(0, generated);
        }

        s_options = options;
    }

    /// <summary>Writes a value with the app's options.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T)));

    /// <summary>Reads a value with the app's options, recording a failure as an error at the current location.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonReadContext context)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T)))!;
        }
        catch (JsonException exception)
        {
            context.AddError(ErrorTypes.ValueError, "Value error, " + exception.Message);
            return default!;
        }
    }
}
