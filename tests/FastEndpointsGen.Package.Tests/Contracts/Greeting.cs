namespace Contracts;

/// <summary>A greeting from the contracts library.</summary>
/// <param name="Text">What to say.</param>
public sealed record Greeting(string Text);
