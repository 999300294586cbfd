namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// A scalar's input in the wrong form, saying the form it expects. GraphQL.NET words the error of a bad variable or
/// literal itself ("Unable to convert …"); the pipeline adds this message to it so that the client learns the form.
/// </summary>
public sealed class ExpectedFormException(string message) : FormatException(message);
