using System.Globalization;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// The knobs of a fuzz run, read from the environment so a longer local run or a replay needs no code change
/// (docs/reliability.md, "Fuzz suite").
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Requests generated per operation and error format. CI uses the default; raise it locally.</summary>
    public static long Iterations { get; } = ReadLong("FEG_FUZZ_ITERATIONS", 1000);

    /// <summary>A CsCheck seed printed by a failure: the first request generated is that exact request again.</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable("FEG_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>
    /// The longest any answer may take. A hang detector, not a benchmark: generous enough for a 2-core machine
    /// shared with other work, far below what a runaway regex or a quadratic reader takes.
    /// </summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromMilliseconds(ReadLong("FEG_FUZZ_TIMEOUT_MS", 2000));

    private static long ReadLong(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
