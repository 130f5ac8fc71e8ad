using System.Collections.Generic;
using System.Linq;

namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// How endpoints are named, decided once for the routing and the document alike (docs/architecture.md#the-model):
/// the endpoint name (<c>WithName</c>, the operation ID) and the request delegate's method name. Each is unique by
/// construction: a name already taken gets a number.
/// </summary>
internal static class EndpointNaming
{
    /// <summary>The attribute's <c>Name</c>, else the method name, qualified by the class when two methods share it.</summary>
    internal static Dictionary<EndpointModel, string> EndpointNames(IEnumerable<EndpointModel> endpoints)
    {
        var list = endpoints.ToList();
        var taken = new HashSet<string>(list.Where(e => e.Route.ExplicitName is not null).Select(e => e.Route.ExplicitName!));
        var methodCounts = list.Where(e => e.Route.ExplicitName is null).GroupBy(e => e.Route.MethodName).ToDictionary(g => g.Key, g => g.Count());
        var names = new Dictionary<EndpointModel, string>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in list)
        {
            var name = endpoint.Route.ExplicitName;
            if (name is null)
            {
                name = methodCounts[endpoint.Route.MethodName] == 1 && !taken.Contains(endpoint.Route.MethodName)
                    ? endpoint.Route.MethodName
                    : endpoint.Route.ClassName + endpoint.Route.MethodName;
                name = Unique(name, taken);
            }

            names[endpoint] = name;
        }

        return names;
    }

    /// <summary>The request delegate method names: <c>Class_Method</c>, numbered when a method has several routes.</summary>
    internal static Dictionary<EndpointModel, string> DelegateNames(IEnumerable<EndpointModel> endpoints)
    {
        var taken = new HashSet<string>();
        var names = new Dictionary<EndpointModel, string>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in endpoints)
        {
            names[endpoint] = Unique(endpoint.Route.ClassName + "_" + endpoint.Route.MethodName, taken);
        }

        return names;
    }

    /// <summary><paramref name="name"/>, or with 2, 3, … appended until no name in <paramref name="taken"/> has it; then taken.</summary>
    internal static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    internal sealed class ReferenceEqualityComparer : IEqualityComparer<EndpointModel>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(EndpointModel? x, EndpointModel? y) => ReferenceEquals(x, y);

        public int GetHashCode(EndpointModel obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
