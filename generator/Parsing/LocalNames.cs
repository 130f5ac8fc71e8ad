using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Names generated locals once, in the model, so that no two can meet (docs/architecture.md#the-model). For the
/// request delegate: each handler parameter's stem is its own name (C# keeps
/// those distinct); an <c>[AsParameters]</c> member's is <c>parent_Member</c>, with <c>_</c> added until no other value
/// has it. <see cref="ParameterModel.Local"/> and its siblings add the suffixes (docs/architecture.md#the-model).
/// </summary>
internal static class LocalNames
{
    public static List<ParameterModel> Assign(IReadOnlyList<ParameterModel> parameters)
    {
        var taken = new HashSet<string>(parameters.Select(p => p.Name), System.StringComparer.Ordinal);
        return parameters.Select(p => Assign(p, p.Name, taken)).ToList();
    }

    private static ParameterModel Assign(ParameterModel parameter, string stem, HashSet<string> taken)
    {
        if (parameter.Members.Count == 0)
        {
            return parameter with { LocalStem = stem };
        }

        var stems = new List<string>();
        foreach (var member in parameter.Members)
        {
            var memberStem = stem + "_" + member.Name;
            while (!taken.Add(memberStem))
            {
                memberStem += "_";
            }

            stems.Add(memberStem);
        }

        var members = parameter.Members.Select((m, i) => Assign(m, stems[i], taken)).ToEquatableArray();
        return parameter with { LocalStem = stem, Members = members };
    }

    // The object reader's own variables that a member's local could otherwise take (JsonEmitter, ValidationEmitter).
    private static readonly string[] ReaderLocals = ["reader", "context", "errorCount", "objectStart", "member", "unknownName", "before", "checkedValue", "itemCount", "result"];

    /// <summary>
    /// For a JSON object's reader: <c>titleValue</c> and <c>hasTitle</c> per member, with <c>_</c> added while another
    /// member or the reader already has the name (members <c>X</c> and <c>x</c>; <c>Has</c> and <c>Value</c>).
    /// </summary>
    public static IEnumerable<JsonMemberModel> Members(IEnumerable<JsonMemberModel> members)
    {
        var taken = new HashSet<string>(ReaderLocals, System.StringComparer.Ordinal);
        foreach (var member in members)
        {
            yield return member with
            {
                Local = Claim(char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1) + "Value", taken),
                PresenceLocal = Claim("has" + member.Name, taken),
            };
        }
    }

    private static string Claim(string name, HashSet<string> taken)
    {
        while (!taken.Add(name))
        {
            name += "_";
        }

        return name;
    }
}
