using System;
using System.Runtime.CompilerServices;

namespace FastEndpointsGen.Reading;

/// <summary>
/// A fact read once about an object and kept exactly as long as that object lives, never longer: every handler sharing
/// a model type, a name or a compilation asks once (docs/performance.md#generator-cost). The key is the smallest thing
/// that decides the fact:
/// <list type="bullet">
/// <item>a symbol, when the fact depends on that symbol object alone (a type's JSON members, its simple kind); a type
/// through <see cref="TypeMemo{TType, TValue}"/>, as the compiler hands out a new object for each use of a reference type;</item>
/// <item>a compilation, or its assembly where only symbols are at hand, holding a dictionary when the fact is about
/// something the compilation has many of and that is not one symbol object (a called name; a type under
/// <c>SymbolEqualityComparer</c>, so that differently annotated wrappers of one type share the answer).</item>
/// </list>
/// Symbols and compilations are immutable, so a fact read from them cannot go stale while its key lives.
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : class
{
    private readonly ConditionalWeakTable<TKey, StrongBox<TValue>> _kept = new();
    private readonly ConditionalWeakTable<TKey, StrongBox<TValue>>.CreateValueCallback _read;

    /// <param name="read">Reads the fact; called at most once per key, except when two threads ask at once.</param>
    public Memo(Func<TKey, TValue> read) => _read = key => new StrongBox<TValue>(read(key));

    public TValue this[TKey key] => _kept.GetValue(key, _read).Value!;
}

/// <summary>
/// A fact about a type, kept under the type's definition (<see cref="TypeClassifier.KeyOf{T}"/>) so that every use of
/// the type shares one answer, whatever symbol object the compiler handed out for it.
/// </summary>
internal sealed class TypeMemo<TType, TValue>
    where TType : class, Microsoft.CodeAnalysis.ITypeSymbol
{
    private readonly Memo<TType, TValue> _kept;

    /// <param name="read">Reads the fact from the type's definition (or from a constructed generic type as it is).</param>
    public TypeMemo(Func<TType, TValue> read) => _kept = new Memo<TType, TValue>(read);

    public TValue this[TType type] => _kept[TypeClassifier.KeyOf(type)];
}
