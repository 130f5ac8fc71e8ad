using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// The model types an endpoint reaches from its body, its socket messages and its response, walked the way the
/// generated JSON reads and writes them, with the FEG4xxx problems each one has (docs/json.md). Each type is visited
/// once per handler, and read once per compilation: what a type leads to and its problems are kept for the next
/// handler that reaches it (<paramref name="assembly"/>, the compilation's own, keys them).
/// </summary>
internal sealed class ModelTypes(IAssemblySymbol assembly, CancellationToken cancellationToken)
{
    /// <summary>Per compilation (its assembly): each type's step, shared by the type's differently annotated wrappers.</summary>
    private static readonly Memo<IAssemblySymbol, ConcurrentDictionary<ITypeSymbol, Step>> Steps =
        new(static _ => new ConcurrentDictionary<ITypeSymbol, Step>(SymbolEqualityComparer.Default));

    private const string JsonDerivedType = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";

    private readonly HashSet<ITypeSymbol> _seen = new(SymbolEqualityComparer.Default);

    /// <summary>Every type reached so far, each once.</summary>
    public List<ITypeSymbol> Reached { get; } = [];

    /// <summary>Walks the types <paramref name="endpoint"/> reads and writes as JSON, adding their problems to <paramref name="problems"/>.</summary>
    public void Walk(Endpoint endpoint, List<Problem> problems)
    {
        foreach (var value in endpoint.Values)
        {
            if (value.Decision.Source is BindingSource.Body or BindingSource.BodyMember)
            {
                Walk(value.Type, Locations.Of(value.Parameter), problems, reading: true);
            }
            else if (value.Decision.Special == SpecialKind.JsonWebSocket && !value.IsMember)
            {
                // A JsonWebSocket<TReceive, TSend> reads one type and writes the other, like a body and a response.
                var (receive, send) = WebSocketRoutes.MessageTypes(TypeClassifier.Unwrap(value.Type, out _));
                Walk(receive, Locations.Of(value.Parameter), problems, reading: true);
                Walk(send, Locations.Of(value.Parameter), problems, reading: false);
            }
        }

        if (endpoint.Response is { JsonTypes.Count: > 0 } response)
        {
            var location = HandlerReader.ReturnTypeLocation(endpoint, cancellationToken);
            foreach (var type in response.JsonTypes)
            {
                Walk(type, location, problems, reading: false);
            }
        }
    }

    private void Walk(ITypeSymbol type, Location location, List<Problem> problems, bool reading)
    {
        var steps = Steps[assembly];
        var stack = new Stack<ITypeSymbol>();
        stack.Push(type);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = stack.Pop();
            if (current.IsReferenceType)
            {
                current = current.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            }

            if (current.TypeKind == TypeKind.Error || !_seen.Add(current))
            {
                continue;
            }

            Reached.Add(current);
            var step = steps.GetOrAdd(current, StepOf);
            foreach (var (id, arguments) in step.Problems)
            {
                if (reading || id != DiagnosticIds.FEG4003NoConstructorToRead)
                {
                    problems.Add(new Problem(id, location, arguments));
                }
            }

            foreach (var next in step.Next)
            {
                stack.Push(next);
            }
        }
    }

    /// <summary>
    /// What one type adds to a walk, the same for every handler that reaches it: the types it leads to and its own
    /// problems (FEG4003 counts only where the type is read).
    /// </summary>
    private static Step StepOf(ITypeSymbol current)
    {
        current = TypeClassifier.Unwrap(current, out var wasNullable);
        if (wasNullable)
        {
            return new Step([current], []);
        }

        var simple = TypeClassifier.GetSimpleKind(current);
        if (TypeClassifier.IsJsonScalar(simple))
        {
            return Step.None;
        }

        if (TypeClassifier.GetCollectionKind(current, out var element) != CollectionKind.None && element is not null)
        {
            return new Step([element], []);
        }

        if (TypeClassifier.IsDictionary(current, out _, out var value) && value is not null)
        {
            return new Step([value], []);
        }

        if (JsonSupport.FallbackReason(current) is { } reason)
        {
            return new Step([], [Fallback(current, reason)]);
        }

        var next = new List<ITypeSymbol>();
        var problems = new List<(string, object?[])>();
        var named = (INamedTypeSymbol)current;
        if (Polymorphism.Of(named) is { } polymorphism)
        {
            foreach (var (derived, problem) in polymorphism.Check(named))
            {
                if (problem is not null)
                {
                    problems.Add((DiagnosticIds.FEG4005DerivedTypeNotGenerated, [derived.Type.ToDisplayString(), named.ToDisplayString(), problem]));
                }
                else if (!SymbolEqualityComparer.Default.Equals(derived.Type, named))
                {
                    next.Add(derived.Type);
                }
            }

            if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
            {
                return new Step([.. next], [.. problems]); // its members are written and read by the derived types
            }
        }

        var members = JsonMembers.Of(named, out var constructor);
        if (!named.IsValueType && constructor is null)
        {
            problems.Add((DiagnosticIds.FEG4003NoConstructorToRead, [named.ToDisplayString()]));
        }

        CheckNames(named, members, problems);
        next.AddRange(members.Select(m => m.Type));
        return new Step([.. next], [.. problems]);
    }

    /// <summary>FEG4004: two JSON members (read or written) whose JSON names are the same.</summary>
    private static void CheckNames(INamedTypeSymbol type, IReadOnlyList<JsonMember> members, List<(string, object?[])> problems)
    {
        var byName = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            // A constructor parameter whose property is always ignored is not looked up by name.
            if (member.IsAlwaysIgnored)
            {
                continue;
            }

            if (byName.TryGetValue(member.JsonName, out var first))
            {
                problems.Add((DiagnosticIds.FEG4004DuplicateJsonName, [type.ToDisplayString(), first.Name, member.Name, member.JsonName]));
            }
            else
            {
                byName[member.JsonName] = member;
            }
        }
    }

    /// <summary>FEG4002 for an interface or abstract class without <c>[JsonDerivedType]</c>, else FEG4001: the app's options write it.</summary>
    private static (string, object?[]) Fallback(ITypeSymbol type, string reason)
    {
        var polymorphic = type.TypeKind == TypeKind.Interface || type.IsAbstract && type.TypeKind == TypeKind.Class;
        if (polymorphic && !type.GetAttributes().Any(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == JsonDerivedType))
        {
            return (DiagnosticIds.FEG4002PolymorphicWithoutDerivedTypes,
                [type.ToDisplayString(), type.TypeKind == TypeKind.Interface ? "an interface" : "an abstract class"]);
        }

        var reasonText = reason.Length > 0 ? char.ToUpperInvariant(reason[0]) + reason.Substring(1) : reason;
        return (DiagnosticIds.FEG4001JsonFallback, [reasonText, type.ToDisplayString()]);
    }

    private sealed class Step(ITypeSymbol[] next, (string Id, object?[] Arguments)[] problems)
    {
        public static readonly Step None = new([], []);

        public ITypeSymbol[] Next { get; } = next;

        public (string Id, object?[] Arguments)[] Problems { get; } = problems;
    }
}
