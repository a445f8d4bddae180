using System.Text;

namespace DataCustody.Transparency.Codecs;

/// <summary>UTF-8 that throws on invalid bytes and lone surrogates instead of substituting U+FFFD.</summary>
public static class StrictUtf8
{
    /// <summary>The strict encoding, without a byte-order mark.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
