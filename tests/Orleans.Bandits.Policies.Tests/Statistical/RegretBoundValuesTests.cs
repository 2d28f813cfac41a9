namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// The bound functions the regret tests judge by, on those tests' own instances, against values computed
/// outside the code under test (the formulas below, evaluated in double precision by a separate script;
/// K_inf by a ternary search over the dual variable of Honda and Takemura). A bound function that drifted
/// upward would make every regret test built on it loose without any of them noticing.
/// </summary>
public sealed class RegretBoundValuesTests
{
    private static readonly double[] TenArms = ThompsonBetaRegretTests.TenArms;

    [Fact]
    public void Lai_robbins_is_the_sum_of_gap_over_bernoulli_kl_times_ln_t()
    {
        // Σ over arms 0.45 … 0.05 of (0.5 − μ) / KL(μ, 0.5) = 27.4208524; times ln 10⁵.
        Assert.Equal(315.6942296, RegretBounds.LaiRobbins(TenArms, 100_000), 6);
    }

    [Fact]
    public void Ucb1_finite_time_bound_is_auer_et_als_theorem_1()
    {
        // Σ 8 ln T / Δᵢ + (1 + π²/3) Σ Δᵢ over the gaps 0.05 … 0.45, T = 10⁵.
        Assert.Equal(5220.8043074, RegretBounds.Ucb1FiniteTime(TenArms, 100_000), 6);
    }

    [Fact]
    public void Exp3_bound_is_corollary_3_2_with_g_equal_to_t()
    {
        // 2√(e − 1)·√(T K ln K), K = 10, T = 10⁵.
        Assert.Equal(3978.1855783, RegretBounds.Exp3(10, 100_000), 6);
    }

    [Fact]
    public void Moss_minimax_bound_is_19_5_root_kt_plus_the_gaps()
    {
        // 19.5·√(2 · 200,000) + 0.2 on the coin against the sure thing.
        Assert.Equal(12333.0828747, MinimaxRegretBounds.Moss([0.5, 0.3], 200_000), 6);
    }

    [Fact]
    public void Exp4_term_is_root_2_t_k_ln_m()
    {
        Assert.Equal(235.482004503, MinimaxRegretBounds.Exp4(20_000, arms: 2, experts: 2), 6);
    }

    [Fact]
    public void Unknown_variance_gaussian_bound_uses_half_ln_one_plus_gap_over_sd_squared()
    {
        // Σ Δᵢ / (½ ln(1 + Δᵢ²/σᵢ²)) · ln T on the five arms of ThompsonGaussianRegretTests, T = 20,000.
        Assert.Equal(275.7710439, GaussianRegretBounds.UnknownVarianceLowerBound(ThompsonGaussianRegretTests.Means, ThompsonGaussianRegretTests.StandardDeviations, 20_000), 6);
    }

    [Fact]
    public void Boltzmann_gumbel_leading_term_is_the_sum_of_ln_squared_t_gap_squared_over_gap()
    {
        // Σ ln²(T Δᵢ²) / Δᵢ, C = 1, gaps 0.1 … 0.4, T = 20,000.
        Assert.Equal(854.2678151, PerturbationRegretBounds.BoltzmannGumbelLeadingTerm([0.5, 0.4, 0.3, 0.2, 0.1], 20_000, c: 1), 6);
    }

    [Fact]
    public void Burnetas_katehakis_bound_on_the_ratings_world()
    {
        // Σ Δᵢ / K_inf(νᵢ, 0.6) = 4.7290222 over the three suboptimal arms, times ln 20,000.
        var ratings = new CategoricalEnvironment([0, 0.5, 1], [[0.3, 0.2, 0.5], [0.1, 0.8, 0.1], [0.2, 0.6, 0.2], [0.4, 0.4, 0.2]]);
        Assert.Equal(46.8338122, CategoricalRegretBounds.BurnetasKatehakis(ratings, 20_000), 3);
    }
}
