using System.Diagnostics.CodeAnalysis;

namespace DataCustody.Grains.Statements;

/// <summary>The outcome of <see cref="StatementCodec.Parse(ReadOnlySpan{byte})"/>: a statement, or the reasons there is none.</summary>
public sealed class StatementParseResult
{
    private StatementParseResult(Statement? statement, IReadOnlyList<StatementError> errors)
    {
        Statement = statement;
        Errors = errors;
    }

    /// <summary>The parsed statement, or <see langword="null"/> if the payload is invalid.</summary>
    public Statement? Statement { get; }

    /// <summary>Everything found wrong with the payload (up to a limit); empty if and only if <see cref="IsValid"/>.</summary>
    public IReadOnlyList<StatementError> Errors { get; }

    /// <summary>Whether the payload is a valid statement.</summary>
    [MemberNotNullWhen(true, nameof(Statement))]
    public bool IsValid => Statement is not null;

    internal static StatementParseResult Success(Statement statement) => new(statement, []);

    internal static StatementParseResult Failure(IReadOnlyList<StatementError> errors) => new(null, errors);
}
