using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using OutboundPS.Tests.Support;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>
/// The Windows PowerShell 5.1 resolve decision, asked of the netstandard2.0 build that 5.1 loads: the built
/// OutboundPS.dll and its dependencies go into a collectible context, and the policy is called by reflection.
/// </summary>
public sealed class DesktopResolverTests : IDisposable
{
    private const string SystemTextJson = "System.Text.Json, Version=4.0.1.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51";
    private static readonly string Target = Path.Combine(ModuleMetadata.ModuleFolder, "netstandard2.0");
    private static readonly string Dependencies = Path.Combine(Target, "Dependencies");
    private readonly AssemblyLoadContext _context = new("desktop-resolver-test", isCollectible: true);
    private readonly Assembly _cmdlets;
    private readonly MethodInfo _pathToLoad;

    public DesktopResolverTests()
    {
        _cmdlets = _context.LoadFromAssemblyPath(Path.Combine(Target, "OutboundPS.dll"));
        _pathToLoad = _cmdlets.GetType("OutboundPS.Commands.Infrastructure.DependencyResolvePolicy", throwOnError: true)!
            .GetMethod("PathToLoad", BindingFlags.Static | BindingFlags.NonPublic)!;
    }

    private string? Answer(string requested, Assembly? requester) =>
        (string?)_pathToLoad.Invoke(null, new object?[] { Dependencies, requested, requester });

    private Assembly LoadDependency(string name) => _context.LoadFromAssemblyPath(Path.Combine(Dependencies, name + ".dll"));

    [Fact]
    public void ForeignRequestForSystemTextJson_IsNotAnsweredWithOurCopy()
    {
        Assert.Null(Answer(SystemTextJson, typeof(Assert).Assembly));
        Assert.Null(Answer("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", typeof(Assert).Assembly));
    }

    [Fact]
    public void RequestWithoutRequester_GetsOnlyWhatOutboundPSAloneShips()
    {
        Assert.Null(Answer(SystemTextJson, null));
        Assert.Equal(Path.Combine(Dependencies, "OutboundPS.Core.dll"), Answer("OutboundPS.Core, Version=0.1.0.0", null));
    }

    [Fact]
    public void OwnRequests_AreAnsweredAtAnyVersion_IncludingTransitiveOnes()
    {
        var ours = Path.Combine(Dependencies, "System.Text.Json.dll");
        Assert.Equal(ours, Answer(SystemTextJson, _cmdlets));
        Assert.Equal(ours, Answer("System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", LoadDependency("OutboundPS.Core")));
        // RestSharp was loaded from our folder, so what it asks for is ours to answer.
        Assert.Equal(ours, Answer(SystemTextJson, LoadDependency("RestSharp")));
    }

    [Fact]
    public void AssembliesOnlyOutboundPSShips_AreAnsweredToAnyone()
    {
        Assert.Equal(Path.Combine(Dependencies, "OutboundPS.Core.dll"), Answer("OutboundPS.Core", typeof(Assert).Assembly));
        Assert.Equal(Path.Combine(Dependencies, "OutboundPS.Sandbox.dll"), Answer("OutboundPS.Sandbox", typeof(Assert).Assembly));
    }

    [Fact]
    public void NamesOutsideTheDependencyFolder_AreNeverAnswered()
    {
        Assert.Null(Answer("Newtonsoft.Json, Version=13.0.0.0", _cmdlets));
        Assert.Null(Answer("System.Management.Automation", _cmdlets));
    }

    [Fact]
    public void PhoneNumbers_IsServedToCoreAndToItselfOnly()
    {
        // libphonenumber-csharp 9.0.43's netstandard2.0 build, which 5.1 loads, asks for System.Collections.Immutable (its nuspec).
        var ours = Path.Combine(Dependencies, "PhoneNumbers.dll");
        Assert.Equal(ours, Answer("PhoneNumbers, Version=9.0.43.0, Culture=neutral, PublicKeyToken=null", LoadDependency("OutboundPS.Core")));
        Assert.Null(Answer("PhoneNumbers, Version=8.13.0.0, Culture=neutral, PublicKeyToken=null", typeof(Assert).Assembly));
        Assert.Null(Answer("PhoneNumbers, Version=9.0.43.0, Culture=neutral, PublicKeyToken=null", null));
        Assert.Equal(Path.Combine(Dependencies, "System.Collections.Immutable.dll"),
            Answer("System.Collections.Immutable, Version=8.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", LoadDependency("PhoneNumbers")));
    }

    public void Dispose() => _context.Unload();
}
