using System.Collections.Generic;
using System.Collections.Immutable;
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
    private const string TagsAttribute = "Microsoft.AspNetCore.Http.TagsAttribute";
    private const string EndpointSummaryAttribute = "Microsoft.AspNetCore.Http.EndpointSummaryAttribute";
    private const string EndpointDescriptionAttribute = "Microsoft.AspNetCore.Http.EndpointDescriptionAttribute";
    private const string ExcludeFromDescriptionAttribute = "Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute";
    private const string EndpointMetadataProvider = "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider";
    private const string ParameterMetadataProvider = "Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider";
    private const string ProducesAttribute = "Microsoft.AspNetCore.Mvc.ProducesAttribute";
    private const string ConsumesAttribute = "Microsoft.AspNetCore.Mvc.ConsumesAttribute";
    private const string ProducesResponseTypeAttribute = "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute";

    /// <summary>
    /// A handler class's XML <c>&lt;summary&gt;</c> (its group's tag description) and whether it is <c>[Obsolete]</c>, read
    /// once per class rather than by each of its endpoints. The read is small and not cancellable.
    /// </summary>
    private static readonly Memo<INamedTypeSymbol, (string? Summary, bool IsObsolete)> ClassDocsOf = new(static type =>
        (DocCommentParser.Summary(DocCommentParser.Read(type, CancellationToken.None)), DocCommentParser.IsObsolete(type)));

    public static EndpointModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        // The reading is the analyzers' too: an endpoint whose reading holds an error is theirs to report, never
        // served half-way (docs/architecture.md#the-handler-reader).
        var attribute = context.Attributes[0];
        var handler = HandlerReader.Read(method, context.SemanticModel.Compilation.Assembly, cancellationToken);
        if (handler.EndpointOf(attribute) is not { Response: { } shape } endpoint || handler.HasError(endpoint))
        {
            return null;
        }

        var httpMethod = endpoint.HttpMethod;
        var isWebSocket = endpoint.IsWebSocket;
        var template = endpoint.Template;
        var group = GroupOf(method.ContainingType);
        var json = new JsonTypeParser(context.SemanticModel.Compilation, cancellationToken);

        var parameters = endpoint.Values.Where(v => !v.IsMember).Select(v => ParseParameter(v, endpoint, json)).ToList();

        // [BodyMember] parameters are read as one generated object (docs/binding.md#several-body-members).
        if (BodyMembersParser.Gather(method, parameters, json, cancellationToken) is not { } gathered)
        {
            return null;
        }

        parameters = LocalNames.Assign(gathered);

        var constructorParameters = new List<ParameterModel>();
        if (!method.IsStatic)
        {
            // The reader saw to it that there is one (FEG1004); the one with the most parameters is resolved.
            var constructor = method.ContainingType.InstanceConstructors
                .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();
            constructorParameters.AddRange(constructor?.Parameters.Select(ServiceParameter) ?? []);
        }

        var response = ParseResponse(shape, json);

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
                ExplicitName = endpoint.ExplicitName,
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
                OverloadParameterTypes = IsOverloaded(method) ? method.Parameters.Select(p => Names.TypeOfName(p.Type)).ToEquatableArray() : null,
                ConstructorParameters = constructorParameters.ToEquatableArray(),
                Parameters = parameters.ToEquatableArray(),
                Response = response,
                Disposal = method.IsStatic ? HandlerDisposal.None : DisposalOf(method.ContainingType),
                Signature = SignatureOf(method, context.SemanticModel.Compilation.Assembly),
            },
            JsonTypes = json.Types,
            Docs = docs,
        };
    }

    /// <summary>Whether the handler's class declares another method of its name.</summary>
    private static bool IsOverloaded(IMethodSymbol method) => SameNamed(method).Skip(1).Any();

    /// <summary>The methods the handler's class declares with the handler's name, the handler among them: a lookup by name finds them all.</summary>
    private static IEnumerable<IMethodSymbol> SameNamed(IMethodSymbol method) => method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>();

    /// <summary>
    /// Every attribute becomes endpoint metadata (docs/composition.md), except FastEndpointsGen's own route and
    /// group attributes and the compiler's (<c>System.Runtime.CompilerServices</c>). One that generated code
    /// cannot construct is left out; the analyzers report it (FEG1006, docs/diagnostics/FEG1006.md).
    /// </summary>
    private static EquatableArray<string> MetadataOf(IReadOnlyList<AttributeData> attributes, IAssemblySymbol assembly) =>
        attributes.Where(EndpointMetadata.IsMetadata)
            .Select(a => AttributeConstruction.Expression(a, assembly))
            .Where(e => e is not null)
            .Select(e => e!)
            .ToEquatableArray();

    /// <summary>
    /// The handler's signature without the attributes whose constructors require unreferenced code, or null when neither
    /// it nor another method of its name in the class has any: the lookup by name would make Native AOT keep every method
    /// of that name reflectable, with those attributes, and warn (docs/aot.md#handler-parameters). Attributes generated
    /// code cannot write are left out too.
    /// </summary>
    private static SignatureModel? SignatureOf(IMethodSymbol method, IAssemblySymbol assembly)
    {
        if (!SameNamed(method).Any(UnreferencedCodeAttributes.AnyOn))
        {
            return null;
        }

        // The method keeps what becomes endpoint metadata (not the route attributes); parameters keep every attribute.
        EquatableArray<string> Kept(ImmutableArray<AttributeData> attributes, System.Func<AttributeData, bool> include) => attributes
            .Where(a => include(a) && !UnreferencedCodeAttributes.Requires(a) && EndpointMetadata.IsConstructible(a, assembly))
            .Select(AttributeConstruction.Usage)
            .ToEquatableArray();

        return new SignatureModel(
            method.ReturnsVoid ? "void" : Names.Type(method.ReturnType),
            Kept(method.GetAttributes(), EndpointMetadata.IsMetadata),
            method.Parameters.Select(p => new SignatureParameterModel(p.Name, Names.Type(p.Type), Kept(p.GetAttributes(), static _ => true))).ToEquatableArray());
    }

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

        var returnType = AwaitedType(method);
        if (Implements(returnType, EndpointMetadataProvider))
        {
            providers.Add(new MetadataProviderModel(Names.TypeWithoutAnnotation(returnType), null));
        }

        return providers.ToEquatableArray();
    }

    /// <summary>What the handler's caller gets: <c>T</c> of a returned <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, else the return type.</summary>
    private static ITypeSymbol AwaitedType(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
        && TypeClassifier.NamespaceName(task.ContainingNamespace) == "System.Threading.Tasks"
            ? task.TypeArguments[0]
            : method.ReturnType;

    private static bool Implements(ITypeSymbol type, string interfaceName) =>
        type.TypeKind != TypeKind.TypeParameter && !type.IsAbstract && TypeClassifier.Implements(type, interfaceName);

    private static string? LastString(IReadOnlyList<AttributeData> attributes, string attributeName) =>
        attributes.LastOrDefault(a => IsAttribute(a, attributeName))?.ConstructorArguments.FirstOrDefault().Value as string;

    private static bool IsAttribute(AttributeData attribute, string name) =>
        TypeClassifier.IsNamed(attribute.AttributeClass, name);

    /// <summary>The doc comments and the other facts only the OpenAPI document needs (docs/openapi.md).</summary>
    private static EndpointDocs ParseDocs(IMethodSymbol method, AttributeData attribute, IReadOnlyList<AttributeData> attributes, GroupModel? group, JsonTypeParser json, CancellationToken cancellationToken)
    {
        var doc = DocCommentParser.Read(method, cancellationToken);
        var returnType = AwaitedType(method);
        return new EndpointDocs
        {
            Summary = NamedArgument<string?>(attribute, "Summary") ?? LastString(attributes, EndpointSummaryAttribute) ?? DocCommentParser.Summary(doc),
            Description = LastString(attributes, EndpointDescriptionAttribute) ?? DocCommentParser.Remarks(doc),
            Returns = DocCommentParser.Returns(doc),
            Deprecated = DocCommentParser.IsObsolete(method) || ClassDocsOf[method.ContainingType].IsObsolete,
            GroupDescription = group is null ? null : ClassDocsOf[method.ContainingType].Summary,
            Parameters = DocCommentParser.Params(doc),
            Responses = DocCommentParser.Responses(doc),
            ParameterExamples = ExampleParser.Parameters(method),
            ResultArms = ResultArms(returnType, json),
            Tags = ArgumentStrings(attributes, TagsAttribute, allowEmpty: true),
            Excluded = attributes.Any(a => IsAttribute(a, ExcludeFromDescriptionAttribute)),
            Produces = attributes.Where(a => IsAttribute(a, ProducesResponseTypeAttribute)).Select(a => ProducedResponse(a, json))
                .Concat(attributes.Where(a => IsAttribute(a, ProducesAttribute)).Select(a => ProducedType(a, json)))
                .Where(r => r is not null).Select(r => r!).ToEquatableArray(),
            ProducesContentTypes = ArgumentStrings(attributes, ProducesAttribute, allowEmpty: false),
            ConsumesContentTypes = ArgumentStrings(attributes, ConsumesAttribute, allowEmpty: false),
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

    /// <summary>
    /// The strings the uses of one attribute list in their constructor arguments (a <c>params</c> array flattened), in order,
    /// each once: <c>[Tags]</c>, and the media types of MVC's <c>[Produces]</c>/<c>[Consumes]</c>. Most handlers have none,
    /// and then nothing is allocated.
    /// </summary>
    private static EquatableArray<string> ArgumentStrings(IReadOnlyList<AttributeData> attributes, string attributeName, bool allowEmpty)
    {
        List<string>? strings = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (!IsAttribute(attribute, attributeName))
            {
                continue;
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                foreach (var value in argument.Kind == TypedConstantKind.Array ? argument.Values : [argument])
                {
                    if (value.Value is string text && (allowEmpty || text.Length > 0) && !(strings ??= []).Contains(text))
                    {
                        strings.Add(text);
                    }
                }
            }
        }

        return strings is null ? EquatableArray<string>.Empty : strings.ToEquatableArray();
    }

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
        if (type is not INamedTypeSymbol named || TypeClassifier.NamespaceName(named.ContainingNamespace) != "Microsoft.AspNetCore.Http.HttpResults")
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

    /// <summary>
    /// Projects one bound value of the reading onto the model. For an <c>[AsParameters]</c> member set through the
    /// constructor, that constructor's parameter gives the name, default and nullability, and its validation
    /// attributes count too (docs/binding.md#asparameters).
    /// </summary>
    private static ParameterModel ParseParameter(BoundValue value, Endpoint endpoint, JsonTypeParser json)
    {
        var decision = value.Decision;
        var type = value.Type;
        var declared = value.ConstructorParameter ?? value.Symbol as IParameterSymbol;
        var positional = value.ConstructorParameter is { } constructorParameter && !SymbolEqualityComparer.Default.Equals(constructorParameter, value.Symbol)
            ? constructorParameter
            : null;
        var attributes = value.Symbol.GetAttributes();
        var model = new ParameterModel
        {
            Name = declared?.Name ?? value.Symbol.Name,
            Type = Names.TypeRef(type),
            Source = decision.Source,
            WireName = decision.WireName,
            IsOptional = IsNullable(type) || declared is { HasExplicitDefaultValue: true },
            DefaultValue = declared is { HasExplicitDefaultValue: true } ? Names.Constant(declared.ExplicitDefaultValue, type) : null,
            Special = decision.Special,
        };

        switch (decision.Source)
        {
            case BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form:
                var rules = decision.Collection == CollectionKind.None ? ValidationParser.Parse(attributes, type, endpoint.Method.ContainingAssembly) : EquatableArray<ValidationRule>.Empty;
                if (rules.Count == 0 && positional is not null && decision.Collection == CollectionKind.None)
                {
                    rules = ValidationParser.Parse(positional.GetAttributes(), type, endpoint.Method.ContainingAssembly);
                }

                return model with
                {
                    Value = new ValueModel
                    {
                        Kind = decision.Simple,
                        ScalarType = Names.TypeWithoutAnnotation(decision.ValueType!),
                        IsNullableValue = decision.IsNullableValue,
                        Collection = decision.Collection,
                        EnumTypeId = decision.Simple == SimpleKind.Enum ? json.Add(decision.ValueType!) : null,
                    },
                    Rules = rules,
                    IsSecret = ValidationParser.IsPassword(attributes) || positional is not null && ValidationParser.IsPassword(positional.GetAttributes()),
                };

            case BindingSource.Body:
                return model with { JsonTypeId = json.Add(type) };

            case BindingSource.BodyMember:
                // Only a handler's own parameters get here: the reader reports a member's [BodyMember] (FEG2017).
                return model;

            case BindingSource.KeyedServices:
                return model with
                {
                    ServiceKey = decision.ServiceKey.IsNull ? "null" : Names.Constant(decision.ServiceKey.Value, decision.ServiceKey.Type!).CSharp,
                };

            case BindingSource.AsParameters:
                // The model's class-level rules and IValidatableObject run on the built object (docs/validation.md#rules-on-a-whole-model).
                return model with
                {
                    Members = ParseMembers(value, endpoint, json),
                    Rules = ValidationParser.ParseTypeRules(type, endpoint.Method.ContainingAssembly),
                    IsValidatable = ValidationAttributes.IsValidatable(type),
                    ClassName = type.Name,
                };

            case BindingSource.Special when decision.Special == SpecialKind.JsonWebSocket:
                var (receive, send) = WebSocketRoutes.MessageTypes(TypeClassifier.Unwrap(type, out _));
                return model with { Messages = new SocketMessagesModel(Names.Type(receive), json.Add(receive), Names.Type(send), json.Add(send)) };

            case BindingSource.Custom:
                return model with { BindAsync = decision.BindAsync };

            default:
                return model;
        }
    }

    /// <summary>
    /// The members the reading found for an <c>[AsParameters]</c> type, each bound as a parameter; of a
    /// <c>[FromForm]</c> model, as form fields and files (docs/binding.md#form-models).
    /// </summary>
    private static EquatableArray<ParameterModel> ParseMembers(BoundValue owner, Endpoint endpoint, JsonTypeParser json) =>
        endpoint.Values
            .Where(v => v.IsMember && SymbolEqualityComparer.Default.Equals(v.Parameter, owner.Parameter))
            .Select(v =>
            {
                var member = WithJsonStyleName(ParseParameter(v, endpoint, json), owner.Decision.IsFormModel);
                return v is { ConstructorParameter: null, Symbol: IPropertySymbol property }
                    ? member with
                    {
                        IsProperty = true,
                        IsInitOnly = property.IsRequired || property.SetMethod?.IsInitOnly == true,
                        IsOptional = member.IsOptional || !property.IsRequired,
                    }
                    : member;
            })
            .ToEquatableArray();

    /// <summary>
    /// <c>[AsParameters]</c> members are usually PascalCase properties; on the wire and in error locations
    /// they are camelCase (the router and query lookups ignore case), unless an attribute names them.
    /// </summary>
    private static ParameterModel WithJsonStyleName(ParameterModel member, bool formModel) =>
        (member.Value is not null || formModel && member.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection) && member.WireName == member.Name
            ? member with { WireName = JsonSupport.CamelCase(member.Name) }
            : member;

    /// <summary>An instance handler's class is disposed when the request ends, asynchronously when it can be.</summary>
    private static HandlerDisposal DisposalOf(INamedTypeSymbol type) =>
        TypeClassifier.Implements(type, "System.IAsyncDisposable") ? HandlerDisposal.DisposeAsync
            : TypeClassifier.Implements(type, "System.IDisposable") ? HandlerDisposal.Dispose
            : HandlerDisposal.None;

    private static ParameterModel ServiceParameter(IParameterSymbol parameter)
    {
        var keyed = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass is not null
            && TypeClassifier.FullName(a.AttributeClass) == BindingClassifier.FromKeyedServices);
        return new ParameterModel
        {
            Name = parameter.Name,
            Type = Names.TypeRef(parameter.Type),
            Source = keyed is null ? BindingSource.Services : BindingSource.KeyedServices,
            WireName = parameter.Name,
            IsOptional = IsNullable(parameter.Type) || parameter.HasExplicitDefaultValue,
            ServiceKey = keyed?.ConstructorArguments.FirstOrDefault() is { IsNull: false } key ? Names.Constant(key.Value, key.Type!).CSharp : null,
        };
    }

    /// <summary>The reading's response shape, its types named and their JSON described.</summary>
    private static ResponseModel ParseResponse(ResponseShape shape, JsonTypeParser json)
    {
        var ids = shape.JsonTypes.Select(json.Add).ToList();
        return new ResponseModel
        {
            Kind = shape.Kind,
            Async = shape.Async,
            ValueType = shape.ValueType is null ? null : Names.TypeRef(shape.ValueType),
            ItemType = shape.ItemType is null ? null : Names.TypeRef(shape.ItemType),
            JsonTypeId = shape.Kind == ResponseKind.Result ? null : ids.FirstOrDefault(),
            StatusCode = shape.StatusCode,
        };
    }

    private static GroupModel? GroupOf(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => TypeClassifier.IsNamed(a.AttributeClass, EndpointGroupAttribute));
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
