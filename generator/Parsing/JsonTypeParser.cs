using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Walks the types reachable from an endpoint's body and response and describes each as a
/// <see cref="JsonTypeModel"/>: members and their JSON names, how each is assigned when reading,
/// which are required. Cycles are fine: a type is described once and referred to by id.
/// </summary>
/// <remarks>
/// Endpoints are parsed one by one, but they share their models: a type's description is kept per
/// compilation and reused by every endpoint that reaches it, so a model used by 100 endpoints is read
/// from its symbols once. The table lives exactly as long as its compilation.
/// </remarks>
internal sealed class JsonTypeParser(Compilation compilation, CancellationToken cancellationToken)
{
    private const string JsonRequired = "System.Text.Json.Serialization.JsonRequiredAttribute";
    private const string JsonStringEnumMemberName = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    private const string Required = "System.ComponentModel.DataAnnotations.RequiredAttribute";

    private static readonly Memo<Compilation, ConcurrentDictionary<string, DescribedType>> DescribedTypes =
        new(static _ => new ConcurrentDictionary<string, DescribedType>(StringComparer.Ordinal));

    private readonly ConcurrentDictionary<string, DescribedType> _described = DescribedTypes[compilation];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<JsonTypeModel> _types = [];
    private readonly List<TypeDocs> _docs = [];

    // While a type is being described: the types its members reach, and its docs.
    private List<(ITypeSymbol Type, bool AsBase)>? _reached;
    private TypeDocs? _describedDocs;

    /// <summary>The types described so far, in a stable order.</summary>
    public EquatableArray<JsonTypeModel> Types => _types.OrderBy(t => t.Id, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The XML docs of the object and enum types described so far (those that have any), in a stable order.</summary>
    public EquatableArray<TypeDocs> Docs => _docs.OrderBy(d => d.TypeId, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>Describes a type (and everything it reaches) and returns its id.</summary>
    public string Add(ITypeSymbol type) => Add(type, asBase: false);

    /// <param name="type">The type.</param>
    /// <param name="asBase">For a polymorphic concrete class: describe the class itself as an object, not its hierarchy.</param>
    private string Add(ITypeSymbol type, bool asBase)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (type.IsReferenceType)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        _reached?.Add((type, asBase));
        var typeName = Names.TypeWithoutAnnotation(type);
        var name = asBase ? typeName + "#base" : typeName;
        if (_ids.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_described.TryGetValue(name, out var described))
        {
            _ids[name] = described.Id;
            Record(described.Model, described.Docs);
            var outer = _reached;
            _reached = null;
            foreach (var reached in described.Reached)
            {
                Add(reached.Type, reached.AsBase);
            }

            _reached = outer;
            return described.Id;
        }

        var id = asBase ? IdOf(type) + "Base" : IdOf(type);
        _ids[name] = id;
        var (outerReached, outerDocs) = (_reached, _describedDocs);
        (_reached, _describedDocs) = ([], null);
        var model = asBase ? DescribeObject(type, id, typeName) with { IsPolymorphicBase = true } : Describe(type, id, typeName);
        _described.TryAdd(name, new DescribedType(id, model, _describedDocs, _reached));
        Record(model, _describedDocs);
        (_reached, _describedDocs) = (outerReached, outerDocs);
        return id;
    }

    /// <summary>Records a type the generator makes up rather than reads from a symbol (a handler's body object).</summary>
    public void AddGenerated(JsonTypeModel model, TypeDocs? docs) => Record(model, docs);

    private void Record(JsonTypeModel model, TypeDocs? docs)
    {
        _types.Add(model);
        if (docs is not null)
        {
            _docs.Add(docs);
        }
    }

    private JsonTypeModel Describe(ITypeSymbol type, string id, string name)
    {
        var underlying = TypeClassifier.Unwrap(type, out var isNullableValue);
        if (isNullableValue)
        {
            return new JsonTypeModel
            {
                Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Nullable, IsValueType = true,
                ElementId = Add(underlying), ElementType = Names.TypeRef(underlying),
            };
        }

        var simple = TypeClassifier.GetSimpleKind(type);
        if (simple == SimpleKind.Enum)
        {
            AddDocs(type, id, []);
            return DescribeEnum((INamedTypeSymbol)type, id, name);
        }

        if (TypeClassifier.IsJsonScalar(simple))
        {
            return new JsonTypeModel { Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Simple, Simple = simple, IsValueType = type.IsValueType };
        }

        var collection = TypeClassifier.GetCollectionKind(type, out var element);
        if (collection != CollectionKind.None && element is not null)
        {
            var declared = TypeClassifier.FullName(type.OriginalDefinition);
            return new JsonTypeModel
            {
                Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Collection, Collection = collection, IsValueType = false,
                ElementId = Add(element), ElementType = Names.TypeRef(element), ElementIsNullable = IsNullable(element),
                IsIndexable = type is IArrayTypeSymbol
                    || declared is "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.IReadOnlyList<T>",
            };
        }

        if (TypeClassifier.IsDictionary(type, out var key, out var value) && key is not null && value is not null)
        {
            var keyKind = key.SpecialType == SpecialType.System_String ? SimpleKind.String : TypeClassifier.GetSimpleKind(key);
            return new JsonTypeModel
            {
                Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Dictionary, IsValueType = false,
                ElementId = Add(value), ElementType = Names.TypeRef(value), ElementIsNullable = IsNullable(value),
                KeyKind = keyKind, KeyType = Names.TypeWithoutAnnotation(key),
                KeyEnumId = keyKind == SimpleKind.Enum ? Add(key) : null,
            };
        }

        if (type is INamedTypeSymbol named && JsonSupport.FallbackReason(type) is null && Polymorphism.Of(named) is { } polymorphism)
        {
            return DescribePolymorphic(named, polymorphism, id, name);
        }

        return DescribeObject(type, id, name);
    }

    /// <summary>
    /// A <c>[JsonDerivedType]</c> hierarchy: each derived type the generator can handle, in declaration order. The others
    /// are FEG4005 (<see cref="Polymorphism.Check"/>); an endpoint that reaches them is not served, but a type described only
    /// for the OpenAPI document (<c>[ProducesResponseType]</c>) leaves them out.
    /// </summary>
    private JsonTypeModel DescribePolymorphic(INamedTypeSymbol type, Polymorphism polymorphism, string id, string name)
    {
        var isAbstract = type.TypeKind == TypeKind.Interface || type.IsAbstract;
        var baseObjectId = isAbstract ? null : Add(type, asBase: true);
        var derived = new List<DerivedTypeModel>();
        foreach (var (declared, problem) in polymorphism.Check(type))
        {
            if (problem is not null)
            {
                continue;
            }

            var tag = declared.Discriminator switch
            {
                string text => text,
                int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            var isBase = SymbolEqualityComparer.Default.Equals(declared.Type, type);
            var typeId = isBase ? baseObjectId! : Add(declared.Type);
            derived.Add(new DerivedTypeModel(typeId, Names.TypeWithoutAnnotation(declared.Type), tag, declared.Discriminator is int, isBase,
                isBase ? -1 : Polymorphism.Depth(declared.Type)));
        }

        AddDocs(type, id, []);
        return new JsonTypeModel
        {
            Id = id,
            TypeName = Names.TypeRef(type),
            Kind = JsonTypeKind.Polymorphic,
            IsValueType = false,
            DerivedTypes = derived.ToEquatableArray(),
            DiscriminatorName = polymorphism.PropertyName,
            IgnoreUnrecognizedDiscriminators = polymorphism.IgnoreUnrecognized,
            BaseObjectId = baseObjectId,
        };
    }

    private static JsonTypeModel DescribeEnum(INamedTypeSymbol type, string id, string name)
    {
        var members = new List<EnumMemberModel>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsConst)
            {
                var jsonName = StringArgument(field, JsonStringEnumMemberName) ?? field.Name;
                members.Add(new EnumMemberModel(field.Name, jsonName));
            }
        }

        return new JsonTypeModel
        {
            Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Enum, Simple = SimpleKind.Enum, IsValueType = true,
            EnumMembers = members.ToEquatableArray(),
        };
    }

    private JsonTypeModel DescribeObject(ITypeSymbol type, string id, string name)
    {
        // The same conditions the analyzers report as FEG4001 (reading/JsonSupport.cs).
        if (JsonSupport.FallbackReason(type) is { } reason || type is not INamedTypeSymbol named)
        {
            return Fallback(type, id, name, JsonSupport.FallbackReason(type) ?? "");
        }

        // Which members, their JSON names, ignore conditions, order and assignment: decided in reading/JsonMembers.cs.
        var members = new List<JsonMemberModel>();
        var jsonMembers = JsonMembers.Of(named, out var constructor);
        foreach (var member in jsonMembers)
        {
            var attributes = member.Attributes;
            var isNullable = IsNullable(member.Type);
            var marked = Has(attributes, JsonRequired) || Has(attributes, Required);
            var required = member switch
            {
                { Parameter: { } parameter } => !parameter.HasExplicitDefaultValue && !isNullable || marked,
                { Property: { } property } => property.IsRequired || marked
                    || member.Assignment is MemberAssignment.Setter or MemberAssignment.Initializer && !isNullable && property.Type.IsReferenceType
                    && !JsonMembers.HasInitializer(property),
                _ => marked,
            };
            members.Add(new JsonMemberModel
            {
                Name = member.Name,
                JsonName = member.JsonName,
                TypeId = Add(member.Type),
                Type = Names.TypeRef(member.Type),
                IsNullable = isNullable,
                IsRequired = required && member.Assignment != MemberAssignment.None && !member.IsAlwaysIgnored,
                CanWrite = member.IsWritten,
                Assignment = member.Assignment,
                ConstructorIndex = member.ConstructorIndex,
                DefaultValue = member.Parameter is { HasExplicitDefaultValue: true } p ? Names.Constant(p.ExplicitDefaultValue, p.Type) : null,
                InitializerValue = member.Parameter is null && member.Property is { } initialized ? InitializerValue(initialized) : null,
                Ignore = member.Ignore,
                IsIgnored = member.IsAlwaysIgnored,
                Rules = ValidationParser.Parse(attributes, member.Type, compilation.Assembly),
                IsSecret = ValidationParser.IsPassword(attributes),
            });
        }

        AddDocs(type, id, JsonMembers.PublicProperties(named));
        MarkComparePartnersSecret(members);
        return new JsonTypeModel
        {
            Id = id,
            TypeName = Names.TypeRef(type),
            Kind = JsonTypeKind.Object,
            IsValueType = type.IsValueType,
            CanRead = constructor is not null || type.IsValueType,
            IsValidatable = ValidationAttributes.IsValidatable(type),
            TypeRules = ValidationParser.ParseTypeRules(type, compilation.Assembly),
            DisplayName = type.Name,
            Members = LocalNames.Members(members).ToEquatableArray(),
        };
    }

    /// <summary>
    /// A <c>[Compare]</c> partner of a <c>[DataType(DataType.Password)]</c> member holds the same secret (a
    /// confirmation field), so errors never echo it either.
    /// </summary>
    private static void MarkComparePartnersSecret(List<JsonMemberModel> members)
    {
        bool ComparesWithSecret(JsonMemberModel member) => member.Rules.Any(r => r.Kind == RuleKind.Compare
            && members.Any(other => other.IsSecret && other.Name == r.OtherMember));
        bool ComparedBySecret(JsonMemberModel member) => members.Any(other => other.IsSecret
            && other.Rules.Any(r => r.Kind == RuleKind.Compare && r.OtherMember == member.Name));

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (!member.IsSecret && (ComparesWithSecret(member) || ComparedBySecret(member)))
            {
                members[i] = member with { IsSecret = true };
            }
        }
    }

    /// <summary>
    /// Records the type's <c>&lt;summary&gt;</c> and each property's; a positional record's properties take
    /// the record's <c>&lt;param&gt;</c> texts. Kept out of <see cref="JsonTypeModel"/> so a doc edit re-emits no JSON code.
    /// </summary>
    private void AddDocs(ITypeSymbol type, string id, List<IPropertySymbol> properties)
    {
        var doc = DocCommentParser.Read(type, cancellationToken);
        var propertyDocs = properties.ConvertAll(p => DocCommentParser.Read(p, cancellationToken));
        var members = new List<NamedDoc>();
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var text = DocCommentParser.Summary(propertyDocs[i]) ?? DocCommentParser.Param(doc, property.Name);
            if (text is not null)
            {
                members.Add(new NamedDoc(property.Name, text));
            }
        }

        var summary = DocCommentParser.Summary(doc);
        var deprecated = properties.Where(DocCommentParser.IsObsolete).Select(p => p.Name).ToEquatableArray();
        var isObsolete = DocCommentParser.IsObsolete(type);
        var examples = ExampleParser.Of([type], doc);
        // A positional record's attributes sit on its constructor parameters unless written [property: ...].
        var constructorParameters = type is INamedTypeSymbol named ? named.InstanceConstructors.SelectMany(c => c.Parameters).ToList() : new List<IParameterSymbol>();
        var memberExamples = properties
            .Select((p, i) => new NamedExamples(p.Name, ExampleParser.Of(
                constructorParameters.Where(c => c.Name == p.Name).Cast<ISymbol>().Prepend(p).ToList(), propertyDocs[i])))
            .Where(e => e.Values.Count > 0)
            .ToEquatableArray();
        var referenced = Referenced(type, properties);
        if (summary is not null || members.Count > 0 || deprecated.Count > 0 || isObsolete || examples.Count > 0 || memberExamples.Count > 0 || referenced is not null)
        {
            _describedDocs = new TypeDocs
            {
                TypeId = id, Summary = summary, Deprecated = isObsolete, Members = members.ToEquatableArray(), DeprecatedMembers = deprecated,
                Examples = examples, MemberExamples = memberExamples, Referenced = referenced,
            };
        }
    }

    /// <summary>
    /// For a type read from metadata, the comment IDs of it and its properties, so the docs can be looked up in the
    /// declaring assemblies' documentation files when the compiler has not attached them (docs/projects.md).
    /// </summary>
    private static ReferencedDocs? Referenced(ITypeSymbol type, List<IPropertySymbol> properties)
    {
        if (!type.DeclaringSyntaxReferences.IsEmpty || type.ContainingAssembly is null || type.GetDocumentationCommentId() is not { } typeId)
        {
            return null;
        }

        var members = properties
            .Where(p => p.DeclaringSyntaxReferences.IsEmpty && p.ContainingAssembly is not null)
            .Select(p => (Property: p, Id: p.GetDocumentationCommentId()))
            .Where(p => p.Id is not null)
            .ToList();
        return new ReferencedDocs
        {
            Assemblies = members.Select(m => m.Property.ContainingAssembly.Name).Prepend(type.ContainingAssembly.Name)
                .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
            TypeCommentId = typeId,
            MemberCommentIds = members.Select(m => new NamedDoc(m.Property.Name, m.Id!)).ToEquatableArray(),
        };
    }

    private static JsonTypeModel Fallback(ITypeSymbol type, string id, string name, string reason) => new()
    {
        Id = id, TypeName = Names.TypeRef(type), Kind = JsonTypeKind.Fallback, IsValueType = type.IsValueType, FallbackReason = reason,
    };

    /// <summary>The property's initializer, when the initializer is a constant.</summary>
    private Constant? InitializerValue(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer.Value: { } value }
                && compilation.ContainsSyntaxTree(value.SyntaxTree)
                && compilation.GetSemanticModel(value.SyntaxTree).GetConstantValue(value) is { HasValue: true } constant)
            {
                return Names.Constant(constant.Value, property.Type);
            }
        }

        return null;
    }

    private static bool IsNullable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;

    private static bool Has(IEnumerable<AttributeData> attributes, string name) => Find(attributes, name) is not null;

    private static AttributeData? Find(IEnumerable<AttributeData> attributes, string name) => JsonMembers.Find(attributes, name);

    private static string? StringArgument(ISymbol symbol, string attribute) => StringArgument(symbol.GetAttributes(), attribute);

    private static string? StringArgument(IEnumerable<AttributeData> attributes, string attribute) =>
        Find(attributes, attribute)?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>A readable, unique identifier for the type's generated reader and writer.</summary>
    private static string IdOf(ITypeSymbol type)
    {
        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            return "Nullable" + IdOf(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        }

        var underlying = TypeClassifier.Unwrap(type, out var isNullableValue);
        if (isNullableValue)
        {
            return "Nullable" + IdOf(underlying);
        }

        if (type is IArrayTypeSymbol array)
        {
            return "ArrayOf" + IdOf(array.ElementType);
        }

        if (type.SpecialType != SpecialType.None && type.SpecialType != SpecialType.System_Object)
        {
            return type.MetadataName;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic
            && TypeClassifier.NamespaceName(generic.ContainingNamespace) is "System.Collections.Generic")
        {
            return generic.Name + "Of" + string.Join("And", generic.TypeArguments.Select(IdOf));
        }

        if (TypeClassifier.NamespaceName(type.ContainingNamespace) == "System")
        {
            return type.Name;
        }

        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return Names.Identifier(display.Replace("global::", string.Empty));
    }

    /// <summary>A type as described once in a compilation: its model, its docs, and the types it reaches.</summary>
    private sealed record DescribedType(string Id, JsonTypeModel Model, TypeDocs? Docs, List<(ITypeSymbol Type, bool AsBase)> Reached);
}
