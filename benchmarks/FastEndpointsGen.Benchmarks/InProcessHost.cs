using System.Buffers;
using System.Collections;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastEndpointsGen.Benchmarks;

/// <summary>
/// Runs one request at a time through an app's real middleware pipeline (routing, endpoint, the
/// framework's binding, validation and serialization) without sockets or HTTP parsing — the part of a
/// request that differs between frameworks. Like Kestrel, it reuses one <see cref="DefaultHttpContext"/>
/// and one set of request/response features per connection, resets them between requests, and
/// disposes the request's service scope at the end; what it allocates itself is the same for every app.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly ConnectionFeatures _features;
    private readonly DefaultHttpContext _context;

    private InProcessHost(WebApplication app)
    {
        _app = app;
        app.UseRouting();
        app.UseEndpoints(_ => { });
        _pipeline = ((IApplicationBuilder)app).Build();
        _features = new ConnectionFeatures();
        _context = new DefaultHttpContext(_features) { ServiceScopeFactory = app.Services.GetRequiredService<IServiceScopeFactory>() };
    }

    /// <summary>Takes an app built but not started, and puts routing and endpoints into its pipeline.</summary>
    public static InProcessHost For(WebApplication app) => new(app);

    /// <summary>The status code of the last response.</summary>
    public int StatusCode => _features.Response.StatusCode;

    /// <summary>The body of the last response, as text.</summary>
    public string Body => Encoding.UTF8.GetString(_features.ResponseBody.Written);

    /// <summary>Sends one request and waits for the app to finish it.</summary>
    public async Task SendAsync(BenchRequest request)
    {
        _features.Reset(request);
        _context.Initialize(_features);
        try
        {
            await _pipeline(_context);
            await _features.Response.CompleteAsync();
        }
        finally
        {
            if (_features.Get<IServiceProvidersFeature>() is IAsyncDisposable services)
            {
                await services.DisposeAsync();
            }

            _context.Uninitialize();
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>
    /// The features one connection's requests share, reset per request the way Kestrel resets its own:
    /// fixed ones are reused, the ones frameworks add during a request are dropped at the next.
    /// </summary>
    private sealed class ConnectionFeatures : IFeatureCollection, IEndpointFeature, IRouteValuesFeature, IHttpRequestBodyDetectionFeature, IRequestBodyPipeFeature
    {
        private readonly Dictionary<Type, object> _fixed;
        private readonly Dictionary<Type, object> _added = [];
        private readonly IHeaderDictionary _requestHeaders = new HeaderDictionary();
        private RouteValueDictionary? _routeValues;
        private int _revision;

        public ConnectionFeatures()
        {
            Request = new HttpRequestFeature { Headers = _requestHeaders, Protocol = "HTTP/1.1", Scheme = "http", PathBase = "" };
            RequestBody = new BytesPipeReader();
            Request.Body = RequestBody.AsStream(leaveOpen: true);
            ResponseBody = new BufferPipeWriter();
            Response = new ResponseFeature(ResponseBody);
            _fixed = new Dictionary<Type, object>
            {
                [typeof(IHttpRequestFeature)] = Request,
                [typeof(IRequestBodyPipeFeature)] = this,
                [typeof(IHttpRequestBodyDetectionFeature)] = this,
                [typeof(IHttpResponseFeature)] = Response,
                [typeof(IHttpResponseBodyFeature)] = Response,
                [typeof(IHttpRequestLifetimeFeature)] = new HttpRequestLifetimeFeature(),
                [typeof(IEndpointFeature)] = this,
                [typeof(IRouteValuesFeature)] = this,
            };
        }

        public HttpRequestFeature Request { get; }

        public BytesPipeReader RequestBody { get; }

        public BufferPipeWriter ResponseBody { get; }

        public ResponseFeature Response { get; }

        public Endpoint? Endpoint { get; set; }

        public RouteValueDictionary RouteValues
        {
            get => _routeValues ??= [];
            set => _routeValues = value;
        }

        public bool CanHaveBody => RequestBody.Length > 0;

        public PipeReader Reader => RequestBody;

        public bool IsReadOnly => false;

        public int Revision => _revision;

        public object? this[Type key]
        {
            get => _added.TryGetValue(key, out var feature) ? feature : _fixed.GetValueOrDefault(key);
            set
            {
                if (value is null)
                {
                    _added.Remove(key);
                }
                else
                {
                    _added[key] = value;
                }

                _revision++;
            }
        }

        public void Reset(BenchRequest request)
        {
            _added.Clear();
            _revision++;
            Endpoint = null;
            _routeValues = null;

            Request.Method = request.Method;
            Request.Path = request.Path;
            Request.QueryString = "";
            Request.RawTarget = request.Path;
            _requestHeaders.Clear();
            if (request.Body is { } body)
            {
                _requestHeaders.ContentType = "application/json";
                _requestHeaders.ContentLength = body.Length;
            }

            RequestBody.Reset(request.Body);
            ResponseBody.Reset();
            Response.Reset();
        }

        public TFeature? Get<TFeature>() => (TFeature?)this[typeof(TFeature)];

        public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() =>
            _added.Concat(_fixed.Where(pair => !_added.ContainsKey(pair.Key))).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Response status, headers and body; runs OnStarting/OnCompleted callbacks like a server.</summary>
    private sealed class ResponseFeature(BufferPipeWriter writer) : IHttpResponseFeature, IHttpResponseBodyFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _onStarting = [];
        private readonly List<(Func<object, Task> Callback, object State)> _onCompleted = [];
        private Stream? _stream;

        public int StatusCode { get; set; } = 200;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body
        {
            get => Stream;
            set => throw new NotSupportedException("The benchmark host does not replace the response body.");
        }

        public Stream Stream => _stream ??= writer.AsStream(leaveOpen: true);

        public PipeWriter Writer => writer;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Add((callback, state));

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (HasStarted)
            {
                return;
            }

            HasStarted = true;
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                await _onStarting[i].Callback(_onStarting[i].State);
            }
        }

        public async Task CompleteAsync()
        {
            await StartAsync();
            for (var i = _onCompleted.Count - 1; i >= 0; i--)
            {
                await _onCompleted[i].Callback(_onCompleted[i].State);
            }
        }

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public void Reset()
        {
            StatusCode = 200;
            ReasonPhrase = null;
            Headers.Clear();
            HasStarted = false;
            _onStarting.Clear();
            _onCompleted.Clear();
        }
    }
}

/// <summary>A request body held in memory, handed out whole and complete like a fully received body.</summary>
public sealed class BytesPipeReader : PipeReader
{
    private ReadOnlySequence<byte> _remaining;

    public long Length { get; private set; }

    public void Reset(byte[]? body)
    {
        _remaining = body is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(body);
        Length = _remaining.Length;
    }

    public override bool TryRead(out ReadResult result)
    {
        result = new ReadResult(_remaining, isCanceled: false, isCompleted: true);
        return true;
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ReadResult(_remaining, isCanceled: false, isCompleted: true));

    public override void AdvanceTo(SequencePosition consumed) => _remaining = _remaining.Slice(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => AdvanceTo(consumed);

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}

/// <summary>A response body written into one reused buffer; flushing is free, as for a fast socket.</summary>
public sealed class BufferPipeWriter : PipeWriter
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _written;
    private int _flushed;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _written);

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _written - _flushed;

    public void Reset()
    {
        _written = 0;
        _flushed = 0;
    }

    public override void Advance(int bytes) => _written += bytes;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        _flushed = _written;
        return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
    }

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    private void Ensure(int sizeHint)
    {
        if (_buffer.Length - _written < Math.Max(sizeHint, 256))
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + sizeHint));
        }
    }
}

/// <summary>One request of a scenario.</summary>
public sealed record BenchRequest(string Method, string Path, byte[]? Body = null);
