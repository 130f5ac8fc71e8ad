using System.Text;
using Microsoft.OpenApi;

namespace TaskApi.Tests;

/// <summary>
/// The TaskApi's OpenAPI document, as served at <c>/openapi.json</c>, compared with the committed
/// <c>TaskApi.openapi.verified.json</c> (Verify's conventions: a mismatch writes <c>.received.json</c> beside it;
/// accept by renaming). The document is a build artifact: this is what a reviewer diffs.
/// </summary>
public class OpenApiDocumentTests
{
    [Test]
    public async Task Document_MatchesTheVerifiedSnapshot_AndValidates()
    {
        using var folder = new TempFolder();
        using var factory = new TaskApiFactory(folder.File("tasks.db"));
        using var client = factory.CreateClient();

        var json = await client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative));
        TestContext.Out.WriteLine($"TaskApi document: {Encoding.UTF8.GetByteCount(json)} bytes.");

        var read = OpenApiDocument.Parse(json, "json");
        Assert.Multiple(() =>
        {
            Assert.That(read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(read.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(read.Document!.Info.Title, Is.EqualTo("Tasks API"));
            Assert.That(read.Document.Paths["/tasks/{id}"].Operations![HttpMethod.Get].OperationId, Is.EqualTo("GetTask"));
        });

        VerifyJson(json);
    }

    private static void VerifyJson(string actual)
    {
        // The project folder is recorded at build time: CI builds map source paths (CallerFilePath) to /_/.
        var project = typeof(OpenApiDocumentTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;
        var directory = Path.Combine(project, "Snapshots");
        var verified = Path.Combine(directory, "TaskApi.openapi.verified.json");
        var received = Path.Combine(directory, "TaskApi.openapi.received.json");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail($"The TaskApi OpenAPI document changed.\n  review: diff -u \"{verified}\" \"{received}\"\n  accept: mv \"{received}\" \"{verified}\"");
    }
}
