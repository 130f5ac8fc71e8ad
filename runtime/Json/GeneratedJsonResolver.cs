using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Exposes generated readers and writers as <see cref="JsonTypeInfo"/>, for code that goes through <see cref="JsonSerializer"/>.
/// Members the generator cannot handle are read and written with the options of that call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedJsonResolver
{
    /// <summary>Wraps a generated reader and writer as the contract of <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> Create<T>(JsonSerializerOptions options, JsonReadFunc<T> read, JsonWriteAction<T> write) =>
        JsonMetadataServices.CreateValueInfo<T>(options, new GeneratedConverter<T>(read, write));

    private sealed class GeneratedConverter<T>(JsonReadFunc<T> read, JsonWriteAction<T> write) : JsonConverter<T>
    {
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var context = JsonReadContext.Rent(rejectUnknownProperties: false, source: "$", serializerOptions: options);
            var value = read(ref reader, context);
            var errors = context.Return();
            if (errors is { Count: > 0 })
            {
                var first = errors.Items[0];
                throw new JsonException($"{first.Key}: {first.Message}");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value, options);
    }
}
