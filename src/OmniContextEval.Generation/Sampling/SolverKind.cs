namespace OmniContextEval.Generation.Sampling;

/// <summary>The ODE solver: first-order Euler (one evaluation per step) or second-order Heun (two, except on the last step).</summary>
public enum SolverKind { Euler, Heun }
