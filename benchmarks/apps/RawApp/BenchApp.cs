using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Bench.RawApp;

/// <summary>
/// The ceiling: one Kestrel middleware, no routing, no framework. It matches paths by hand, checks the
/// rules by hand and writes the same bytes through a pooled <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class BenchApp
{
    /// <summary>Builds the app with its middleware in place, not yet running.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.Run(RawHandler.HandleAsync);
        return app;
    }
}

internal static partial class RawHandler
{
    private const string JsonContentType = "application/json; charset=utf-8";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method))
        {
            if (path == "/items")
            {
                return WriteJson(context, StatusCodes.Status200OK, Catalog.All, RawJsonContext.Default.ItemArray);
            }

            if (path.StartsWith("/items/", StringComparison.Ordinal)
                && int.TryParse(path.AsSpan("/items/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && Catalog.Find(id) is { } item)
            {
                return WriteJson(context, StatusCodes.Status200OK, item, RawJsonContext.Default.Item);
            }
        }
        else if (HttpMethods.IsPost(request.Method) && path == "/orders")
        {
            return PlaceOrderAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static async Task PlaceOrderAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync(context.RequestAborted);
            if (result.IsCompleted || result.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        Order? order;
        try
        {
            var json = new Utf8JsonReader(result.Buffer);
            order = JsonSerializer.Deserialize(ref json, RawJsonContext.Default.Order);
        }
        catch (JsonException)
        {
            order = null;
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }

        if (order is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var errors = Validate(order);
        if (errors is not null)
        {
            WriteErrors(context, errors);
            return;
        }

        await WriteJson(context, StatusCodes.Status201Created, OrderAccepted.For(order), RawJsonContext.Default.OrderAccepted);
    }

    private static List<KeyValuePair<string, string>>? Validate(Order order)
    {
        List<KeyValuePair<string, string>>? errors = null;
        void Add(string key, string message) => (errors ??= []).Add(new(key, message));

        if (order.Customer is not { } customer)
        {
            Add("Customer", "The Customer field is required.");
        }
        else
        {
            if (string.IsNullOrEmpty(customer.Name))
            {
                Add("Customer.Name", "The Name field is required.");
            }
            else if (customer.Name.Length > 100)
            {
                Add("Customer.Name", "The field Name must be a string with a maximum length of 100.");
            }

            if (string.IsNullOrEmpty(customer.Email))
            {
                Add("Customer.Email", "The Email field is required.");
            }
            else if (!IsEmail(customer.Email))
            {
                Add("Customer.Email", "The Email field is not a valid e-mail address.");
            }
        }

        if (order.Shipping is not { } shipping)
        {
            Add("Shipping", "The Shipping field is required.");
        }
        else
        {
            if (string.IsNullOrEmpty(shipping.Street))
            {
                Add("Shipping.Street", "The Street field is required.");
            }

            if (string.IsNullOrEmpty(shipping.City))
            {
                Add("Shipping.City", "The City field is required.");
            }

            if (shipping.Postcode is { } postcode && !Postcode().IsMatch(postcode))
            {
                Add("Shipping.Postcode", "The field Postcode must match the regular expression '^[A-Z0-9 ]{3,10}$'.");
            }

            if (shipping.Country is { Length: not 2 })
            {
                Add("Shipping.Country", "The field Country must be a string with a minimum length of 2 and a maximum length of 2.");
            }
        }

        if (order.Lines is not { } lines)
        {
            Add("Lines", "The Lines field is required.");
        }
        else if (lines.Count < 1)
        {
            Add("Lines", "The field Lines must be a string or array type with a minimum length of '1'.");
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Sku is { } sku && !Sku().IsMatch(sku))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"Lines[{i}].Sku"), "The field Sku must match the regular expression '^SKU-\\d{6}$'.");
                }

                if (lines[i].Quantity is < 1 or > 100)
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"Lines[{i}].Quantity"), "The field Quantity must be between 1 and 100.");
                }
            }
        }

        return errors;
    }

    // EmailAddressAttribute's rule: exactly one '@', neither first nor last.
    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at != value.Length - 1;
    }

    private static void WriteErrors(HttpContext context, List<KeyValuePair<string, string>> errors)
    {
        var writer = RentWriter();
        writer.WriteStartObject();
        writer.WriteString("title"u8, "One or more validation errors occurred.");
        writer.WriteStartObject("errors"u8);
        foreach (var (key, message) in errors)
        {
            writer.WriteStartArray(key);
            writer.WriteStringValue(message);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        Send(context, StatusCodes.Status400BadRequest, writer);
    }

    private static Task WriteJson<T>(HttpContext context, int statusCode, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var writer = RentWriter();
        JsonSerializer.Serialize(writer, value, typeInfo);
        Send(context, statusCode, writer);
        return Task.CompletedTask;
    }

    private static Utf8JsonWriter RentWriter()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.Reset(buffer);
        return writer;
    }

    private static void Send(HttpContext context, int statusCode, Utf8JsonWriter writer)
    {
        writer.Flush();
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = t_buffer!.WrittenCount;
        response.BodyWriter.Write(t_buffer.WrittenSpan);
    }

    [GeneratedRegex("^[A-Z0-9 ]{3,10}$")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^SKU-\d{6}$")]
    private static partial Regex Sku();
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Item[]))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderAccepted))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
