using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kvk.Graph.Tests.Ops;

/// <summary>Marks the test that ends what the others share (a cluster it kills a host of, then stops).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Runs the tests marked <see cref="RunsLastAttribute"/> after the others of their class.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string Name = "Kvk.Graph.Tests.Ops.RunsLastOrderer";
    public const string Assembly = "Kvk.Graph.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute)).Any());
}
