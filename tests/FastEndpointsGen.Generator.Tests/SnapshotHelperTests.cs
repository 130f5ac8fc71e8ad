using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>The snapshot helper itself: Verify's conventions, and no accepting in CI.</summary>
[NonParallelizable]
public class SnapshotHelperTests
{
    private string _directory = "";
    private string? _ci;
    private string? _accept;

    private string Verified => Path.Combine(_directory, "Test.Case.verified.cs");

    private string Received => Path.Combine(_directory, "Test.Case.received.cs");

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "feg-snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _ci = Environment.GetEnvironmentVariable("CI");
        _accept = Environment.GetEnvironmentVariable("FEG_ACCEPT_SNAPSHOTS");
        Environment.SetEnvironmentVariable("FEG_ACCEPT_SNAPSHOTS", null);
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("CI", _ci);
        Environment.SetEnvironmentVariable("FEG_ACCEPT_SNAPSHOTS", _accept);
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Match_PassesAndRemovesAStaleReceivedFile()
    {
        File.WriteAllText(Verified, "line 1\nline 2\n");
        File.WriteAllText(Received, "old");

        Assert.That(Snapshot.CompareFile("line 1\nline 2\n", Verified, Received), Is.Null);
        Assert.That(File.Exists(Received), Is.False);
    }

    [Test]
    public void LineEndings_AreNormalisedOnBothSides()
    {
        File.WriteAllText(Verified, "line 1\r\nline 2\r\n");

        Assert.That(Snapshot.CompareFile("line 1\nline 2\n", Verified, Received), Is.Null);
        Assert.That(Snapshot.CompareFile("line 1\r\nline 2\r\n", Verified, Received), Is.Null);
    }

    [Test]
    public void MissingVerifiedFile_WritesReceivedAndFails()
    {
        var failure = Snapshot.CompareFile("new text\n", Verified, Received);

        Assert.That(failure, Does.StartWith("No verified snapshot yet: Test.Case.verified.cs"));
        Assert.That(failure, Does.Contain($"mv \"{Received}\" \"{Verified}\""));
        Assert.That(File.ReadAllText(Received), Is.EqualTo("new text\n"));
        Assert.That(File.Exists(Verified), Is.False);
    }

    [Test]
    public void Mismatch_WritesReceivedAndShowsTheFirstDifference()
    {
        File.WriteAllText(Verified, "a\nb\nc\nd\ne\n");

        var failure = Snapshot.CompareFile("a\nb\nX\nd\ne\n", Verified, Received);

        Assert.That(failure, Does.StartWith("Snapshot mismatch: Test.Case.verified.cs"));
        Assert.That(failure, Does.Contain("@@ first difference at line 3"));
        Assert.That(failure, Does.Contain("- c\n").And.Contain("+ X\n"));
        Assert.That(failure, Does.Contain($"diff -u \"{Verified}\" \"{Received}\""));
        Assert.That(File.ReadAllText(Received), Is.EqualTo("a\nb\nX\nd\ne\n"));
        Assert.That(File.ReadAllText(Verified), Is.EqualTo("a\nb\nc\nd\ne\n"));
    }

    [Test]
    public void Accepting_IsRefusedInCI()
    {
        Environment.SetEnvironmentVariable("CI", "true");
        Environment.SetEnvironmentVariable("FEG_ACCEPT_SNAPSHOTS", "true");

        Assert.That(Snapshot.CanAutoAccept(), Is.False);
        Assert.That(Snapshot.CompareFile("text\n", Verified, Received), Is.Not.Null);
        Assert.That(File.Exists(Verified), Is.False);
        Assert.That(File.Exists(Received), Is.True);
    }

    [Test]
    public void Accepting_WorksLocallyWhenAskedFor()
    {
        Environment.SetEnvironmentVariable("CI", null);
        Environment.SetEnvironmentVariable("FEG_ACCEPT_SNAPSHOTS", "true");

        Assert.That(Snapshot.CompareFile("text\n", Verified, Received), Is.Null);
        Assert.That(File.ReadAllText(Verified), Is.EqualTo("text\n"));
        Assert.That(File.Exists(Received), Is.False);
    }

    [Test]
    public void Diff_ShowsOnlyTheDifferingRegionWithContext()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 50).Select(i => $"line {i}"));
        var actual = expected.Replace("line 25", "changed 25", StringComparison.Ordinal);

        var diff = Snapshot.Diff(expected, actual);

        Assert.That(diff, Does.Contain("  line 23\n  line 24\n- line 25\n+ changed 25\n  line 26\n  line 27\n"));
        Assert.That(diff, Does.Not.Contain("line 22\n").And.Not.Contain("line 28\n"));
    }
}
