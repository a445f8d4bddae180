using System.Net;
using DataCustody.Sdk.Log;

namespace DataCustody.Sdk.Tests;

/// <summary>
/// What the log client makes of an answer the network cuts off: the same "could not be reached" as a
/// connection lost before the headers, which monitors and receipt fetchers retry.
/// </summary>
public sealed class LogClientTests
{
    [Fact]
    public async Task An_answer_cut_off_in_its_body_is_a_log_that_could_not_be_reached()
    {
        using var http = new HttpClient(new CutOffAnswers());
        var log = new LogClient(http, new Uri("http://log.example/"));

        var checkpoint = await Assert.ThrowsAsync<HttpRequestException>(() => log.GetCheckpointAsync());
        var proof = await Assert.ThrowsAsync<HttpRequestException>(() => log.GetConsistencyProofAsync(1, 2));

        Assert.All([checkpoint, proof], e => Assert.Equal(HttpRequestError.ResponseEnded, e.HttpRequestError));
        Assert.IsType<IOException>(checkpoint.InnerException);
    }

    /// <summary>Answers 200 with a body whose connection is lost after its first bytes.</summary>
    private sealed class CutOffAnswers : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutOffStream()) });
    }

    private sealed class CutOffStream : Stream
    {
        private bool _sentFirstBytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sentFirstBytes)
            {
                throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
            }
            _sentFirstBytes = true;
            buffer[offset] = (byte)'l';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
