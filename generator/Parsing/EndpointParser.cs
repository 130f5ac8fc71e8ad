using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Reads one handler method into an <see cref="EndpointModel"/>. This (with <see cref="JsonTypeParser"/>)
/// is the only code in the generator that touches symbols. A handler the generator cannot serve
/// returns null: the analyzers explain why, the generator stays silent.
/// </summary>
internal static class EndpointParser
{
    public const string EndpointGroupAttribute = "FastEndpointsGen.EndpointGroupAttribute";
    private const string ResultInterface = "Microsoft.AspNetCore.Http.IResult";
    private const string TagsAttribute = "Microsoft.AspNetCore.Http.TagsAttribute";
    private const string EndpointSummaryAttribute = "Microsoft.AspNetCore.Http.EndpointSummaryAttribute";
    private const string EndpointDescriptionAttribute = "Microsoft.AspNetCore.Http.EndpointDescriptionAttribute";
    private const string ExcludeFromDescriptionAttribute = "Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute";
    private const string EndpointNameAttribute = "Microsoft.AspNetCore.Routing.EndpointNameAttribute";
    private const string EndpointMetadataProvider = "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider";
    private const string ParameterMetadataProvider = "Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider";
    private const string ProducesAttribute = "Microsoft.AspNetCore.Mvc.ProducesAttribute";
    private const string ConsumesAttribute = "Microsoft.AspNetCore.Mvc.ConsumesAttribute";
    private const string ProducesResponseTypeAttribute = "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute";

    public static EndpointModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0 || !IsCallable(method))
        {
            return null;
        }

        var attribute = context.Attributes[0];
        var isWebSocket = WebSocketRoutes.IsRouteAttribute(attribute.AttributeClass);
        var httpMethod = isWebSocket ? WebSocketRoutes.HttpMethod : HttpMethodOf(attribute);

        // A WebSocket handler takes exactly one socket and returns nothing; a socket anywhere else has no upgrade to
        // come from (FEG2007, FEG2008, reported by the analyzers).
        var sockets = WebSocketRoutes.SocketParameterCount(method);
        if (isWebSocket ? sockets != 1 || !WebSocketRoutes.ReturnsNothing(method) : sockets != 0)
        {
            return null;
        }

        if (attribute.ConstructorArguments.FirstOrDefault().Value is not string template)
        {
            return null;
        }

        var route = RouteTemplate.Parse(template);
        if (route.Error is not null)
        {
            return null;
        }

        var group = GroupOf(method.ContainingType);
        var fullRoute = RouteTemplate.Parse(RouteTemplate.Combine(group?.Prefix, template));
        var json = new JsonTypeParser(context.SemanticModel.Compilation, cancellationToken);

        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var model = ParseParameter(parameter, parameter.Type, fullRoute, httpMethod, json);
            if (model is null)
            {
                return null;
            }

            parameters.Add(model);
        }

        if (parameters.Count(p => p.Source == BindingSource.Body) > 1)
        {
            return null;
        }

        var constructorParameters = new List<ParameterModel>();
        if (!method.IsStatic)
        {
            var constructor = method.ContainingType.InstanceConstructors
                .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();
            if (constructor is null)
            {
                return null;
            }

            constructorParameters.AddRange(constructor.Parameters.Select(ServiceParameter));
        }

        var statusCode = NamedArgument<int>(attribute, "StatusCode");
        var response = ParseResponse(method, statusCode, AsyncStreams.RequestsJsonLines(attribute), json);
        if (response is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var attributes = EndpointMetadata.AttributesOf(method);
        var docs = ParseDocs(method, attribute, attributes, group, json, cancellationToken) with
        {
            Thrown = ThrownErrorParser.Statuses(method, context.SemanticModel.Compilation, cancellationToken),
        };
        return new EndpointModel
        {
            Route = new RouteModel
            {
                HttpMethod = httpMethod,
                IsWebSocket = isWebSocket,
                Template = template,
                Group = group,
                ExplicitName = NamedArgument<string?>(attribute, "Name") ?? LastString(attributes, EndpointNameAttribute),
                MethodName = method.Name,
                ClassName = method.ContainingType.Name,
                Tags = StringArray(attribute, "Tags"),
                Security = SecurityOf(method),
                Metadata = MetadataOf(attributes, context.SemanticModel.Compilation.Assembly),
                MetadataProviders = MetadataProvidersOf(method),
            },
            Handler = new HandlerModel
            {
                ContainingType = Names.Type(method.ContainingType),
                MethodName = method.Name,
                IsStatic = method.IsStatic,
                ParameterTypeNames = method.Parameters.Select(p => Names.TypeOfName(p.Type)).ToEquatableArray(),
                ConstructorParameters = constructorParameters.ToEquatableArray(),
                Parameters = parameters.ToEquatableArray(),
                Response = response,
                Disposal = method.IsStatic ? HandlerDisposal.None : DisposalOf(method.ContainingType),
            },
            JsonTypes = json.Types,
            Docs = docs,
        };
    }

    /// <summary>
    /// Every attribute becomes endpoint metadata (docs/composition.md), except FastEndpointsGen's own route and
    /// group attributes and the compiler's (<c>System.Runtime.CompilerServices</c>). One that generated code
    /// cannot construct is left out; the analyzers report it (FEG1006, docs/diagnostics/FEG1006.md).
    /// </summary>
    private static EquatableArray<string> MetadataOf(List<AttributeData> attributes, IAssemblySymbol assembly) =>
        attributes.Where(EndpointMetadata.IsMetadata)
            .Select(a => AttributeConstruction.Expression(a, assembly))
            .Where(e => e is not null)
            .Select(e => e!)
            .ToEquatableArray();

    /// <summary>
    /// The types that contribute endpoint metadata through the static abstract interfaces, as the Request Delegate
    /// Generator finds them: each parameter type (parameter provider, then endpoint provider), then the return type
    /// with its task unwrapped (docs/composition.md#metadata-from-parameter-and-return-types).
    /// </summary>
    private static EquatableArray<MetadataProviderModel> MetadataProvidersOf(IMethodSymbol method)
    {
        var providers = new List<MetadataProviderModel>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var type = method.Parameters[i].Type;
            if (Implements(type, ParameterMetadataProvider))
            {
                providers.Add(new MetadataProviderModel(Names.TypeWithoutAnnotation(type), i));
            }

            if (Implements(type, EndpointMetadataProvider))
            {
                providers.Add(new MetadataProviderModel(Names.TypeWithoutAnnotation(type), null));
            }
        }

        var returnType = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
            && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            ? task.TypeArguments[0]
            : method.ReturnType;
        if (Implements(returnType, EndpointMetadataProvider))
        {
            providers.Add(new MetadataProviderModel(Names.TypeWithoutAnnotation(returnType), null));
        }

        return providers.ToEquatableArray();
    }

    private static bool Implements(ITypeSymbol type, string interfaceName) =>
        type.TypeKind != TypeKind.TypeParameter && !type.IsAbstract && type.AllInterfaces.Any(i => TypeClassifier.FullName(i) == interfaceName);

    private static string? LastString(List<AttributeData> attributes, string attributeName) =>
        attributes.LastOrDefault(a => IsAttribute(a, attributeName))?.ConstructorArguments.FirstOrDefault().Value as string;

    private static bool IsAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass is { ContainingType: null } type && type.ContainingNamespace?.ToDisplayString() + "." + type.Name == name;

    /// <summary>The doc comments and the other facts only the OpenAPI document needs (docs/openapi.md).</summary>
    private static EndpointDocs ParseDocs(IMethodSymbol method, AttributeData attribute, List<AttributeData> attributes, GroupModel? group, JsonTypeParser json, CancellationToken cancellationToken)
    {
        var doc = DocCommentParser.Read(method, cancellationToken);
        var returnType = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
            && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            ? task.TypeArguments[0]
            : method.ReturnType;
        return new EndpointDocs
        {
            Summary = NamedArgument<string?>(attribute, "Summary") ?? LastString(attributes, EndpointSummaryAttribute) ?? DocCommentParser.Summary(doc),
            Description = LastString(attributes, EndpointDescriptionAttribute) ?? DocCommentParser.Remarks(doc),
            Returns = DocCommentParser.Returns(doc),
            Deprecated = DocCommentParser.IsObsolete(method) || DocCommentParser.IsObsolete(method.ContainingType),
            GroupDescription = group is null ? null : DocCommentParser.Summary(DocCommentParser.Read(method.ContainingType, cancellationToken)),
            Parameters = DocCommentParser.Params(doc),
            Responses = DocCommentParser.Responses(doc),
            ResultArms = ResultArms(returnType, json),
            Tags = attributes.Where(a => IsAttribute(a, TagsAttribute))
                .SelectMany(a => a.ConstructorArguments.SelectMany(c => c.Kind == TypedConstantKind.Array ? c.Values : [c]))
                .Select(c => c.Value as string).Where(t => t is not null).Select(t => t!).Distinct().ToEquatableArray(),
            Excluded = attributes.Any(a => IsAttribute(a, ExcludeFromDescriptionAttribute)),
            Produces = attributes.Where(a => IsAttribute(a, ProducesResponseTypeAttribute)).Select(a => ProducedResponse(a, json))
                .Concat(attributes.Where(a => IsAttribute(a, ProducesAttribute)).Select(a => ProducedType(a, json)))
                .Where(r => r is not null).Select(r => r!).ToEquatableArray(),
            ProducesContentTypes = ContentTypes(attributes, ProducesAttribute),
            ConsumesContentTypes = ContentTypes(attributes, ConsumesAttribute),
            Types = json.Docs,
        };
    }

    /// <summary>
    /// <c>[ProducesResponseType(404)]</c>, <c>[ProducesResponseType(typeof(T), 200)]</c> or <c>[ProducesResponseType&lt;T&gt;(200)]</c>:
    /// a status and, when a type is given, its JSON schema.
    /// </summary>
    private static ResultArm? ProducedResponse(AttributeData attribute, JsonTypeParser json)
    {
        var type = attribute.AttributeClass!.TypeArguments.FirstOrDefault()
            ?? attribute.ConstructorArguments.FirstOrDefault(c => c.Kind == TypedConstantKind.Type).Value as ITypeSymbol;
        var status = attribute.ConstructorArguments.FirstOrDefault(c => c.Value is int).Value as int?
            ?? NamedArgument<int?>(attribute, "StatusCode");
        if (status is null)
        {
            return null;
        }

        var isValue = type is not null && type.SpecialType != SpecialType.System_Void && TypeClassifier.FullName(type) != "System.Object";
        return new ResultArm(status.Value, isValue ? json.Add(type!) : null);
    }

    /// <summary><c>[Produces(typeof(T))]</c> or <c>[Produces&lt;T&gt;]</c>: the JSON schema of the 200 response.</summary>
    private static ResultArm? ProducedType(AttributeData attribute, JsonTypeParser json)
    {
        var type = attribute.AttributeClass!.TypeArguments.FirstOrDefault()
            ?? attribute.ConstructorArguments.FirstOrDefault(c => c.Kind == TypedConstantKind.Type).Value as ITypeSymbol;
        if (type is null || type.SpecialType == SpecialType.System_Void || TypeClassifier.FullName(type) == "System.Object")
        {
            return null;
        }

        return new ResultArm(200, json.Add(type));
    }

    /// <summary>The media types an MVC <c>[Produces]</c>/<c>[Consumes]</c> attribute lists, in order, each once.</summary>
    private static EquatableArray<string> ContentTypes(List<AttributeData> attributes, string attributeName) =>
        attributes.Where(a => IsAttribute(a, attributeName))
            .SelectMany(a => a.ConstructorArguments.SelectMany(c => c.Kind == TypedConstantKind.Array ? c.Values : [c]))
            .Select(c => c.Value as string).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct().ToEquatableArray();

    /// <summary>
    /// The responses an <c>IResult</c> return type declares: each arm of <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>, or
    /// the one typed result (<c>Created&lt;T&gt;</c>). A plain <c>IResult</c> declares nothing.
    /// </summary>
    private static EquatableArray<ResultArm> ResultArms(ITypeSymbol type, JsonTypeParser json)
    {
        var arms = new List<ResultArm>();
        AddArms(type, json, arms);
        return arms.GroupBy(a => a.StatusCode).Select(g => g.First()).OrderBy(a => a.StatusCode).ToEquatableArray();
    }

    private static void AddArms(ITypeSymbol type, JsonTypeParser json, List<ResultArm> arms)
    {
        if (type is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Http.HttpResults")
        {
            return;
        }

        if (named.Name == "Results")
        {
            foreach (var argument in named.TypeArguments)
            {
                AddArms(argument, json, arms);
            }

            return;
        }

        if (named.Name == "ServerSentEventsResult" && named.TypeArguments.Length == 1)
        {
            // TypedResults.ServerSentEvents: a string is written as text, anything else as JSON.
            var data = named.TypeArguments[0];
            arms.Add(new ResultArm(200, data.SpecialType == SpecialType.System_String ? null : json.Add(data)) { IsEventStream = true });
            return;
        }

        if (StatusOfResult(named.Name) is { } status)
        {
            var value = named.TypeArguments.Length == 1 ? json.Add(named.TypeArguments[0]) : null;
            arms.Add(new ResultArm(status, value));
        }
    }

    /// <summary>The status code each <c>TypedResults</c> type writes (null for those whose status is chosen at run time).</summary>
    private static int? StatusOfResult(string name) => name switch
    {
        "Ok" => 200,
        "Created" or "CreatedAtRoute" => 201,
        "Accepted" or "AcceptedAtRoute" => 202,
        "NoContent" => 204,
        "BadRequest" => 400,
        "UnauthorizedHttpResult" => 401,
        "ForbidHttpResult" => 403,
        "NotFound" => 404,
        "Conflict" => 409,
        "UnprocessableEntity" => 422,
        "InternalServerError" => 500,
        _ => null,
    };

    /// <summary><c>GetAttribute</c> → <c>GET</c>, and so on for the five route attributes.</summary>
    public static string HttpMethodOf(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "";
        return (name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name).ToUpperInvariant();
    }

    /// <summary>The generated code lives in the same assembly: the rules are shared with the analyzers (FEG1004).</summary>
    private static bool IsCallable(IMethodSymbol method) => HandlerAccess.Check(method, out _) == HandlerAccessProblem.None;

    private static ParameterModel? ParseParameter(ISymbol parameter, ITypeSymbol type, RouteTemplate route, string httpMethod, JsonTypeParser json, bool isMember = false, bool inFormModel = false)
    {
        var decision = BindingClassifier.Classify(parameter, type, route, httpMethod, inFormModel);
        if (CustomBinding.HasMisshapenBindAsync(TypeClassifier.Unwrap(type, out _)))
        {
            return null; // FEG2010
        }

        var isOptional = IsNullable(type) || parameter is IParameterSymbol { HasExplicitDefaultValue: true };
        var model = new ParameterModel
        {
            Name = parameter.Name,
            Type = Names.Type(type),
            Source = decision.Source,
            WireName = decision.WireName,
            IsOptional = isOptional,
            DefaultValue = parameter is IParameterSymbol { HasExplicitDefaultValue: true } withDefault
                ? Names.Literal(withDefault.ExplicitDefaultValue, type)
                : null,
            Special = decision.Special,
        };

        switch (decision.Source)
        {
            case BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form:
                // A cookie holds one value: a collection from a cookie is FEG2011.
                if (decision.Simple == SimpleKind.None || decision.ValueType is null
                    || decision.Source == BindingSource.Cookie && decision.Collection != CollectionKind.None)
                {
                    return null;
                }

                return model with
                {
                    Value = new ValueModel
                    {
                        Kind = decision.Simple,
                        ScalarType = Names.TypeWithoutAnnotation(decision.ValueType),
                        IsNullableValue = decision.IsNullableValue,
                        Collection = decision.Collection,
                        EnumTypeId = decision.Simple == SimpleKind.Enum ? json.Add(decision.ValueType) : null,
                    },
                    Rules = decision.Collection == CollectionKind.None
                        ? ValidationParser.Parse(parameter.GetAttributes(), type)
                        : EquatableArray<ValidationRule>.Empty,
                    IsSecret = ValidationParser.IsPassword(parameter.GetAttributes()),
                };

            case BindingSource.Body:
                return model with { JsonTypeId = json.Add(type) };

            case BindingSource.KeyedServices:
                return model with
                {
                    ServiceKey = decision.ServiceKey.IsNull ? "null" : Names.Literal(decision.ServiceKey.Value, decision.ServiceKey.Type!),
                };

            case BindingSource.AsParameters:
                return ParseAsParameters(model, type, route, httpMethod, json, decision.IsFormModel);

            case BindingSource.Special when decision.Special == SpecialKind.JsonWebSocket:
                var (receive, send) = WebSocketRoutes.MessageTypes(TypeClassifier.Unwrap(type, out _));
                return model with { Messages = new SocketMessagesModel(Names.Type(receive), json.Add(receive), Names.Type(send), json.Add(send)) };

            case BindingSource.Custom:
                // An [AsParameters] member has no ParameterInfo of its own to pass (FEG2010 says so).
                return isMember && decision.BindAsync != BindAsyncKind.Context
                    ? null
                    : model with { BindAsync = decision.BindAsync };

            case BindingSource.Unbindable:
                return null;

            default:
                return model;
        }
    }

    /// <summary>
    /// Binds each constructor parameter and settable property of an <c>[AsParameters]</c> type as a parameter; of a
    /// <c>[FromForm]</c> model, as form fields and files (docs/binding.md#form-models).
    /// </summary>
    private static ParameterModel? ParseAsParameters(ParameterModel model, ITypeSymbol type, RouteTemplate route, string httpMethod, JsonTypeParser json, bool formModel)
    {
        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        var members = new List<ParameterModel>();
        var constructor = named.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        var byConstructor = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        if (constructor is not null)
        {
            foreach (var parameter in constructor.Parameters)
            {
                // Attributes on a positional record's parameter or on the property it declares both count.
                var member = ParseParameter(parameter, parameter.Type, route, httpMethod, json, isMember: true, inFormModel: formModel);
                if (member is null || member.Source == BindingSource.AsParameters || member.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket)
                {
                    return null;
                }

                var property = named.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (property is not null && member.Source is not BindingSource.Body && !HasBindingAttribute(parameter))
                {
                    member = ParseParameter(property, parameter.Type, route, httpMethod, json, isMember: true, inFormModel: formModel) is { } fromProperty
                        ? fromProperty with
                        {
                            Name = parameter.Name, IsOptional = member.IsOptional, DefaultValue = member.DefaultValue, IsSecret = member.IsSecret || fromProperty.IsSecret,
                            // Validation attributes on the positional parameter count too (docs/binding.md#asparameters).
                            Rules = fromProperty.Rules.Count > 0 ? fromProperty.Rules : member.Rules,
                        }
                        : member;
                }

                members.Add(WithJsonStyleName(member, formModel));
                byConstructor.Add(parameter.Name);
            }
        }

        foreach (var property in named.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || byConstructor.Contains(property.Name) || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public })
            {
                continue;
            }

            var member = ParseParameter(property, property.Type, route, httpMethod, json, isMember: true, inFormModel: formModel);
            if (member is null || member.Source == BindingSource.AsParameters || member.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket)
            {
                return null;
            }

            members.Add(WithJsonStyleName(member, formModel) with
            {
                IsProperty = true,
                IsInitOnly = property.IsRequired || property.SetMethod.IsInitOnly,
                IsOptional = member.IsOptional || !property.IsRequired,
            });
        }

        return model with { Members = members.ToEquatableArray() };
    }

    /// <summary>
    /// <c>[AsParameters]</c> members are usually PascalCase properties; on the wire and in error locations
    /// they are camelCase (the router and query lookups ignore case), unless an attribute names them.
    /// </summary>
    private static ParameterModel WithJsonStyleName(ParameterModel member, bool formModel) =>
        (member.Value is not null || formModel && member.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection) && member.WireName == member.Name
            ? member with { WireName = JsonSupport.CamelCase(member.Name) }
            : member;

    private static bool HasBindingAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc"
            || a.AttributeClass?.Name == "FromKeyedServicesAttribute"
            || a.AttributeClass is { } attribute && TypeClassifier.FullName(attribute) == BindingClassifier.FromCookie);

    /// <summary>An instance handler's class is disposed when the request ends, asynchronously when it can be.</summary>
    private static HandlerDisposal DisposalOf(INamedTypeSymbol type)
    {
        var interfaces = type.AllInterfaces.Select(i => i.ToDisplayString()).ToList();
        return interfaces.Contains("System.IAsyncDisposable") ? HandlerDisposal.DisposeAsync
            : interfaces.Contains("System.IDisposable") ? HandlerDisposal.Dispose
            : HandlerDisposal.None;
    }

    private static ParameterModel ServiceParameter(IParameterSymbol parameter)
    {
        var keyed = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass is not null
            && TypeClassifier.FullName(a.AttributeClass) == BindingClassifier.FromKeyedServices);
        return new ParameterModel
        {
            Name = parameter.Name,
            Type = Names.Type(parameter.Type),
            Source = keyed is null ? BindingSource.Services : BindingSource.KeyedServices,
            WireName = parameter.Name,
            IsOptional = IsNullable(parameter.Type) || parameter.HasExplicitDefaultValue,
            ServiceKey = keyed?.ConstructorArguments.FirstOrDefault() is { IsNull: false } key ? Names.Literal(key.Value, key.Type!) : null,
        };
    }

    private static ResponseModel? ParseResponse(IMethodSymbol method, int statusCode, bool jsonLines, JsonTypeParser json)
    {
        var type = method.ReturnType;
        var async = AsyncKind.None;
        if (type is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            async = named.Name switch
            {
                "Task" => AsyncKind.Task,
                "ValueTask" => AsyncKind.ValueTask,
                _ => AsyncKind.None,
            };

            if (async != AsyncKind.None)
            {
                if (named.TypeArguments.Length == 0)
                {
                    return new ResponseModel { Kind = ResponseKind.Empty, Async = async, StatusCode = statusCode == 0 ? 204 : statusCode };
                }

                type = named.TypeArguments[0];
            }
        }

        if (method.ReturnsVoid)
        {
            return new ResponseModel { Kind = ResponseKind.Empty, Async = async, StatusCode = statusCode == 0 ? 204 : statusCode };
        }

        var valueType = Names.Type(type);
        var okStatus = statusCode == 0 ? 200 : statusCode;
        if (type.SpecialType == SpecialType.System_String)
        {
            return new ResponseModel { Kind = ResponseKind.Text, Async = async, ValueType = valueType, StatusCode = okStatus };
        }

        if (AsyncStreams.ItemType(type) is { } item)
        {
            if (AsyncStreams.EventDataType(item) is { } data)
            {
                return new ResponseModel
                {
                    Kind = ResponseKind.ServerSentEvents,
                    Async = async,
                    ValueType = valueType,
                    ItemType = Names.Type(data),
                    // Text data is written as it is, not as a JSON string.
                    JsonTypeId = data.SpecialType == SpecialType.System_String ? null : json.Add(data),
                    StatusCode = okStatus,
                };
            }

            return new ResponseModel
            {
                Kind = jsonLines ? ResponseKind.JsonLines : ResponseKind.Stream,
                Async = async,
                ValueType = valueType,
                ItemType = Names.Type(item),
                JsonTypeId = json.Add(item),
                StatusCode = okStatus,
            };
        }

        if (TypeClassifier.FullName(type) == ResultInterface || type.AllInterfaces.Any(i => TypeClassifier.FullName(i) == ResultInterface))
        {
            AddResultValues(type, json);
            return new ResponseModel { Kind = ResponseKind.Result, Async = async, ValueType = valueType, StatusCode = okStatus };
        }

        return new ResponseModel { Kind = ResponseKind.Json, Async = async, ValueType = valueType, JsonTypeId = json.Add(type), StatusCode = okStatus };
    }

    /// <summary>
    /// <c>Results&lt;Ok&lt;TaskItem&gt;, NotFound&gt;</c> writes <c>TaskItem</c> through the app's JSON options, which
    /// the generated resolver serves: so every value type an IResult carries joins the JSON graph.
    /// </summary>
    private static void AddResultValues(ITypeSymbol type, JsonTypeParser json)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (TypeClassifier.FullName(argument) == ResultInterface || argument.AllInterfaces.Any(i => TypeClassifier.FullName(i) == ResultInterface))
            {
                AddResultValues(argument, json);
            }
            else if (named.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpResults")
            {
                json.Add(argument);
            }
        }
    }

    private static GroupModel? GroupOf(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == EndpointGroupAttribute);
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string prefix)
        {
            return null;
        }

        return new GroupModel(type.Name, prefix, StringArray(attribute, "Tags"));
    }

    /// <summary>What protects the endpoint, read like the authorization middleware reads its metadata (docs/security.md).</summary>
    private static OperationSecurityModel SecurityOf(IMethodSymbol method)
    {
        var security = OperationSecurity.Of(method);
        return !security.IsProtected
            ? OperationSecurityModel.None
            : new OperationSecurityModel(
                true,
                security.Scopes.Count > 0 || security.Authorize.Any(a => a.Policy is not null || a.Roles is not null),
                security.AuthenticationSchemes.ToEquatableArray(),
                security.RequiredScopes.ToEquatableArray());
    }

    private static bool IsNullable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;

    private static T NamedArgument<T>(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default!;
    }

    private static EquatableArray<string> StringArray(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array)
            {
                return argument.Value.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!).ToEquatableArray();
            }
        }

        return EquatableArray<string>.Empty;
    }
}
