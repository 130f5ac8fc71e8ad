namespace FastEndpointsGen.Generator.Emitting;

/// <summary>Every external type the generated code names, fully qualified once here.</summary>
internal static class KnownTypes
{
    public const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
    public const string IEndpointRouteBuilder = "global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    public const string RouteGroupBuilder = "global::Microsoft.AspNetCore.Routing.RouteGroupBuilder";
    public const string EndpointRouteBuilderExtensions = "global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
    public const string RoutingEndpointConventionBuilderExtensions = "global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions";
    public const string OpenApiRouteHandlerBuilderExtensions = "global::Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions";
    public const string AuthorizationEndpointConventionBuilderExtensions = "global::Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions";
    public const string TagsAttribute = "global::Microsoft.AspNetCore.Http.TagsAttribute";
    public const string RequireAntiforgeryTokenAttribute = "global::Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute";
    public const string ServiceProviderServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    public const string ServiceProviderKeyedServiceExtensions = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions";
    public const string StringValues = "global::Microsoft.Extensions.Primitives.StringValues";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string EndpointFilters = "global::FastEndpointsGen.Runtime.EndpointFilters";
    public const string EndpointMetadataProviders = "global::FastEndpointsGen.Runtime.EndpointMetadataProviders";
    public const string Type = "global::System.Type";
    public const string MethodInfo = "global::System.Reflection.MethodInfo";
    public const string NotSupportedException = "global::System.NotSupportedException";
    public const string Exception = "global::System.Exception";
    public const string CultureInfo = "global::System.Globalization.CultureInfo";
    public const string Uri = "global::System.Uri";
    public const string UriKind = "global::System.UriKind";
    public const string StringComparison = "global::System.StringComparison";
    public const string List = "global::System.Collections.Generic.List";
    public const string HashSet = "global::System.Collections.Generic.HashSet";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";
    public const string EditorBrowsable = "global::System.ComponentModel.EditorBrowsableAttribute";
    public const string EditorBrowsableNever = "global::System.ComponentModel.EditorBrowsableState.Never";
    public const string UnsafeAccessor = "global::System.Runtime.CompilerServices.UnsafeAccessorAttribute";
    public const string UnsafeAccessorKindMethod = "global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method";

    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    public const string IJsonTypeInfoResolver = "global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver";
    public const string ReadOnlySequence = "global::System.Buffers.ReadOnlySequence<byte>";

    public const string EndpointRuntime = "global::FastEndpointsGen.Runtime.EndpointRuntime";
    public const string RequestErrors = "global::FastEndpointsGen.Runtime.RequestErrors";
    public const string ErrorTypes = "global::FastEndpointsGen.Runtime.ErrorTypes";
    public const string ErrorResponses = "global::FastEndpointsGen.Runtime.ErrorResponses";
    public const string JsonBody = "global::FastEndpointsGen.Runtime.JsonBody";
    public const string JsonBodyStatus = "global::FastEndpointsGen.Runtime.JsonBodyStatus";
    public const string JsonResponse = "global::FastEndpointsGen.Runtime.JsonResponse";
    public const string JsonReadContext = "global::FastEndpointsGen.Runtime.JsonReadContext";
    public const string JsonRead = "global::FastEndpointsGen.Runtime.JsonRead";
    public const string JsonWrite = "global::FastEndpointsGen.Runtime.JsonWrite";
    public const string GeneratedApiDocuments = "global::FastEndpointsGen.Runtime.GeneratedApiDocuments";
    public const string GeneratedJsonResolver = "global::FastEndpointsGen.Runtime.GeneratedJsonResolver";
}
