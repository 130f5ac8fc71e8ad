using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CsCheck;
using NUnit.Framework;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// Issue 12, "nothing a client sends can crash, stall, flood or leak": every operation of the feature test app's
/// OpenAPI document gets generated mutations of a valid request, and every answer must be a client error in the
/// documented shape (docs/errors.md), in time, without leaking. How to run longer or replay a seed:
/// docs/reliability.md, "Fuzz suite".
/// </summary>
[Category("Fuzz")]
public sealed class EndpointFuzzTests
{
    private static IEnumerable<TestCaseData> Operations()
    {
        foreach (var format in new[] { ErrorFormat.ProblemDetails, ErrorFormat.FastApi })
        {
            foreach (var operation in FuzzApps.Document.Operations)
            {
                if (KnownFailures.NotFuzzed.ContainsKey(operation.Key))
                {
                    continue;
                }

                yield return new TestCaseData(format, operation.Key).SetName($"{format} {operation.Key.Replace('{', ':').Replace("}", "", StringComparison.Ordinal)}");
            }
        }
    }

    [Test]
    public void The_document_lists_the_operations_to_fuzz() =>
        Assert.That(FuzzApps.Document.Operations, Has.Count.GreaterThan(50), "the OpenAPI document lost its operations");

    [TestCaseSource(nameof(Operations))]
    public async Task Every_hostile_request_gets_a_well_formed_client_error_in_time(ErrorFormat format, string operationKey)
    {
        var operation = FuzzApps.Document.Operations.Single(o => o.Key == operationKey);
        var app = FuzzApps.For(format);
        using var client = app.CreateClient();
        var mutator = new Mutator(operation, FuzzApps.Document);

        var kinds = mutator.Kinds.Where(kind => KnownFailures.Find(format, operation, kind) is null).ToList();
        foreach (var skipped in mutator.Kinds.Except(kinds))
        {
            TestContext.Out.WriteLine($"skipped (known failure): {skipped} — {KnownFailures.Find(format, operation, skipped)!.Reason}");
        }

        var baseline = await SendAsync(client, format, mutator.Valid());
        Assert.That(baseline.Failure, Is.Null, $"the valid request fails: {mutator.Valid()}\n{baseline.Failure}");

        var statuses = new ConcurrentDictionary<int, int>();
        if (kinds.Count > 0)
        {
            // The FastAPI format runs a quarter of the iterations: the readers are the same, only the error writer differs.
            var iterations = Math.Max(1, format == ErrorFormat.ProblemDetails ? FuzzSettings.Iterations : FuzzSettings.Iterations / 4);
            var requests = Gen.Select(Gen.Int[0, kinds.Count - 1], Gen.Int[0, 1000], Gen.Int[0, 100], Gen.Int[0, 1000],
                (kind, target, size, variant) => mutator.Build(kinds[kind], target, size, variant));

            await requests.SampleAsync(
                async request =>
                {
                    var answer = await SendAsync(client, format, request);
                    statuses.AddOrUpdate(answer.Status, 1, (_, count) => count + 1);
                    if (answer.Failure is not null)
                    {
                        throw new AssertionException(answer.Failure);
                    }
                },
                writeLine: TestContext.Out.WriteLine,
                seed: FuzzSettings.Seed,
                iter: iterations,
                print: request => request.ToString());
        }

        TestContext.Out.WriteLine($"{string.Join(", ", kinds)}\nstatuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");

        // The server still answers: a known-good request and this operation's valid request, as before.
        var ping = await SendRawAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri("/ping", UriKind.Relative)));
        Assert.That(ping, Is.EqualTo((200, "pong")), "GET /ping after the fuzzing");
        var after = await SendAsync(client, format, mutator.Valid());
        Assert.That(after.Status, Is.EqualTo(baseline.Status), "the valid request after the fuzzing");
    }

    /// <summary>Sends one request and says which property its answer breaks, if any.</summary>
    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient client, ErrorFormat format, FuzzRequest request)
    {
        if (request.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal))
        {
            // Kestrel answers 400 itself for a NUL in the path, before any app code; TestServer throws instead.
            return (400, null);
        }

        using var message = request.ToMessage();
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(FuzzSettings.RequestTimeout);
        HttpResponseMessage response;
        byte[] body;
        try
        {
            var exchange = ExchangeAsync(client, message, timeout.Token);
            if (await Task.WhenAny(exchange, Task.Delay(FuzzSettings.RequestTimeout + TimeSpan.FromSeconds(1))) != exchange)
            {
                return (0, $"no answer within {FuzzSettings.RequestTimeout.TotalSeconds:0.#} s (a hang)");
            }

            (response, body) = await exchange;
        }
        catch (OperationCanceledException)
        {
            return (0, $"no answer within {FuzzSettings.RequestTimeout.TotalSeconds:0.#} s (a hang)");
        }
        catch (Exception e)
        {
            // In memory, an exception that escapes the app reaches the client; Kestrel would answer 500.
            return (500, $"the app threw {e.GetType().Name}: {e.Message} (a 500 over the network)");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var elapsed = clock.Elapsed;
            var text = Encoding.UTF8.GetString(body);
            string? failure = null;
            if (elapsed > FuzzSettings.RequestTimeout)
            {
                failure = $"answered in {elapsed.TotalMilliseconds:0} ms, over the {FuzzSettings.RequestTimeout.TotalMilliseconds:0} ms bound";
            }
            else if (status >= 500 && !KnownFailures.IsDesignedServerError(request))
            {
                failure = $"server error {status}";
            }
            else if (request.Expectation == Expectation.Rejected && status is < 400 or >= 500)
            {
                failure = $"accepted with {status}, but the request breaks the documented contract";
            }
            else if (request.Method != "HEAD" && ErrorContract.Check(format, status, response.Content.Headers.ContentType?.MediaType, body) is { } shape)
            {
                failure = "error body: " + shape;
            }
            else if (text.Contains(Examples.Password, StringComparison.Ordinal))
            {
                failure = "the answer echoes the password";
            }
            else if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
            {
                failure = "the answer leaks an exception or a stack trace";
            }

            return (status, failure is null ? null : $"{failure}\nanswer: {status} {response.Content.Headers.ContentType} {Shorten(text)}");
        }
    }

    private static async Task<(HttpResponseMessage, byte[])> ExchangeAsync(HttpClient client, HttpRequestMessage message, CancellationToken token)
    {
        var response = await client.SendAsync(message, token);
        return (response, await response.Content.ReadAsByteArrayAsync(token));
    }

    private static async Task<(int, string)> SendRawAsync(HttpClient client, HttpRequestMessage message)
    {
        using (message)
        {
            using var timeout = new CancellationTokenSource(FuzzSettings.RequestTimeout);
            using var response = await client.SendAsync(message, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
