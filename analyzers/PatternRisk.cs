using System.Collections.Generic;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// Finds the shape behind most catastrophic backtracking: a group repeated without bound whose body is itself an
/// unbounded repetition with nothing mandatory beside it, such as <c>(\w+\s?)*</c> or <c>(a+)+</c>. A backtracking
/// engine tries every way of splitting the input between the two repetitions, which is exponential when the match
/// fails. It is a heuristic: it reads the pattern's structure, not the character sets (docs/diagnostics/FEG3005.md).
/// </summary>
internal static class PatternRisk
{
    private enum Repeat
    {
        Once,
        Optional,
        Unbounded,
    }

    private sealed class Atom
    {
        public Repeat Repeat;

        // For a group: one of its alternatives is an unbounded repetition with nothing mandatory beside it.
        public bool AmbiguousBody;
    }

    private sealed class Group
    {
        public readonly List<List<Atom>> Branches = [[]];

        public bool IsAtomic;

        public List<Atom> Current => Branches[Branches.Count - 1];
    }

    /// <summary>True when <paramref name="pattern"/> repeats an ambiguous repetition without bound.</summary>
    public static bool CanBacktrackCatastrophically(string pattern)
    {
        var groups = new Stack<Group>();
        groups.Push(new Group());
        for (var i = 0; i < pattern.Length; i++)
        {
            var current = groups.Peek();
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    current.Current.Add(new Atom());
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    current.Current.Add(new Atom());
                    break;
                case '(':
                    var isAtomic = i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == '>';
                    if (SkipGroupHeader(pattern, ref i))
                    {
                        groups.Push(new Group { IsAtomic = isAtomic });
                    }

                    break;
                case ')' when groups.Count > 1:
                    var closed = groups.Pop();
                    groups.Peek().Current.Add(new Atom { AmbiguousBody = !closed.IsAtomic && closed.Branches.Exists(IsAmbiguous) });
                    break;
                case '|':
                    current.Branches.Add([]);
                    break;
                case '*' or '+' or '?' or '{' when current.Current.Count > 0:
                    var atom = current.Current[current.Current.Count - 1];
                    var repeat = Quantifier(pattern, ref i);
                    if (repeat == Repeat.Unbounded && atom.AmbiguousBody)
                    {
                        return true;
                    }

                    atom.Repeat = repeat > atom.Repeat ? repeat : atom.Repeat;
                    break;
                default:
                    current.Current.Add(new Atom());
                    break;
            }
        }

        return false;
    }

    // An alternative that can split the same text between repetitions in many ways: an unbounded repetition
    // (or a group hiding one), with every other atom optional.
    private static bool IsAmbiguous(List<Atom> branch)
    {
        var unbounded = branch.FindAll(a => a.Repeat == Repeat.Unbounded || a.AmbiguousBody).Count;
        return unbounded > 0 && branch.TrueForAll(a => a.Repeat != Repeat.Once || a.AmbiguousBody);
    }

    // Moves past "(?:", "(?<name>", "(?=", "(?i:" and the like; false for an inline option "(?i)", which opens no group.
    private static bool SkipGroupHeader(string pattern, ref int i)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
        {
            return true;
        }

        var j = i + 2;
        if (j < pattern.Length && pattern[j] is '<' or '\'' && j + 1 < pattern.Length && pattern[j + 1] is not ('=' or '!'))
        {
            var close = pattern.IndexOf(pattern[j] == '<' ? '>' : '\'', j + 1);
            i = close < 0 ? pattern.Length - 1 : close;
            return true;
        }

        // Options ("i", "-x"), then ':' or ')'; lookarounds end at '=' or '!' ("(?<=" included); atomic groups at '>'.
        while (j < pattern.Length && pattern[j] is not (':' or ')' or '=' or '!' or '>'))
        {
            j++;
        }

        i = j;
        return j >= pattern.Length || pattern[j] != ')';
    }

    private static Repeat Quantifier(string pattern, ref int i)
    {
        var repeat = pattern[i] switch
        {
            '*' or '+' => Repeat.Unbounded,
            '?' => Repeat.Optional,
            _ => Braces(pattern, ref i),
        };

        // A lazy or possessive marker changes the order of attempts, not their number.
        if (i + 1 < pattern.Length && pattern[i + 1] is '?' or '+')
        {
            i++;
        }

        return repeat;
    }

    // {n}, {n,} or {n,m}; anything else is a literal brace.
    private static Repeat Braces(string pattern, ref int i)
    {
        var close = pattern.IndexOf('}', i);
        if (close < 0)
        {
            return Repeat.Once;
        }

        var body = pattern.Substring(i + 1, close - i - 1).Split(',');
        if (body.Length is < 1 or > 2 || !int.TryParse(body[0], out var minimum))
        {
            return Repeat.Once;
        }

        i = close;
        if (body.Length == 2 && body[1].Length == 0)
        {
            return Repeat.Unbounded;
        }

        return minimum == 0 ? Repeat.Optional : Repeat.Once;
    }

    private static int EndOfClass(string pattern, int start)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        // A ']' right after the opening bracket is a literal.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return pattern.Length - 1;
    }
}
