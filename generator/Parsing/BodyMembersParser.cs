using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Gathers a handler's <c>[BodyMember]</c> parameters into one made-up object type, the JSON body
/// <c>{"item": {...}, "user": {...}}</c>, so the generated reader, the validation and the document treat it like any
/// model (docs/binding.md#several-body-members). FastAPI names the same schema <c>Body_&lt;operation&gt;</c>.
/// </summary>
internal static class BodyMembersParser
{
    /// <summary>The namespace the body objects are generated in, one nested namespace per handler class.</summary>
    public const string Namespace = "FastEndpointsGen.Generated.Bodies";

    /// <summary>
    /// Describes the body object and points each <c>[BodyMember]</c> parameter at its property. Null when the members
    /// cannot be served: next to a whole body or a form, or two with one JSON name (FEG2017). On GET or DELETE they
    /// are read like an explicit <c>[FromBody]</c>, with the FEG2002 warning.
    /// </summary>
    public static List<ParameterModel>? Gather(IMethodSymbol method, List<ParameterModel> parameters, JsonTypeParser json, CancellationToken cancellationToken)
    {
        if (!parameters.Any(p => p.Source == BindingSource.BodyMember))
        {
            return parameters;
        }

        if (parameters.Any(p => p.Source == BindingSource.Body || ReadsForm(p))
            || parameters.Where(p => p.Source == BindingSource.BodyMember).GroupBy(p => p.WireName).Any(g => g.Count() > 1))
        {
            return null;
        }

        var typeName = Names.Identifier(Names.TypeWithoutAnnotation(method.ContainingType).Replace("global::", ""));
        var overloads = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().ToList();
        var className = "Body_" + method.Name + (overloads.Count > 1 ? "_" + overloads.IndexOf(method) : "");
        var id = "Body_" + typeName + "_" + className.Substring("Body_".Length);
        var fullName = "global::" + Namespace + "." + typeName + "." + className;

        var doc = DocCommentParser.Read(method, cancellationToken);
        var members = new List<JsonMemberModel>();
        var docs = new List<NamedDoc>();
        var result = new List<ParameterModel>();
        var properties = new HashSet<string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var model = parameters[i];
            if (model.Source != BindingSource.BodyMember)
            {
                result.Add(model);
                continue;
            }

            var parameter = method.Parameters[i];
            var property = PropertyName(parameter.Name, properties);
            var attributes = parameter.GetAttributes();
            members.Add(new JsonMemberModel
            {
                Name = property,
                JsonName = model.WireName,
                TypeId = json.Add(parameter.Type),
                Type = model.Type,
                IsNullable = parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                    || parameter.Type.IsReferenceType && parameter.Type.NullableAnnotation == NullableAnnotation.Annotated,
                IsRequired = !model.IsOptional,
                // Never written (the class gets no writer); true keeps the schema free of writeOnly.
                CanWrite = true,
                Assignment = MemberAssignment.Constructor,
                ConstructorIndex = members.Count,
                DefaultValue = model.DefaultValue,
                Rules = ValidationParser.Parse(attributes, parameter.Type, method.ContainingAssembly),
                IsSecret = ValidationParser.IsPassword(attributes),
            });
            if (DocCommentParser.Param(doc, parameter.Name) is { } text)
            {
                docs.Add(new NamedDoc(property, text));
            }

            result.Add(model with { JsonTypeId = id, BodyProperty = property, BodyType = fullName });
        }

        json.AddGenerated(
            new JsonTypeModel
            {
                Id = id,
                TypeName = new TypeRef { Name = fullName, Kind = TypeRefKind.Reference, IsNullable = false, SimpleName = className },
                Kind = JsonTypeKind.Object,
                IsValueType = false,
                IsBodyObject = true,
                Members = LocalNames.Members(members).ToEquatableArray(),
            },
            docs.Count == 0 ? null : new TypeDocs { TypeId = id, Members = docs.ToEquatableArray() });
        return result;
    }

    /// <summary>The parameter's name with its first letter upper case, kept apart from the others (<c>item</c> → <c>Item</c>).</summary>
    private static string PropertyName(string parameter, HashSet<string> taken)
    {
        var name = char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
        while (!taken.Add(name))
        {
            name += "_";
        }

        return name;
    }

    private static bool ReadsForm(ParameterModel parameter) =>
        parameter.Source == BindingSource.Form
        || parameter.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection
        || parameter.Members.Any(ReadsForm);
}
