"""The indicative distribution of docs/model.md: population x (1 + SES-WOA), largest remainder.

Pure arithmetic on plain sequences; no pandas, no solver.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def apportion(total: int, weights: Sequence[float], keys: Sequence[str]) -> list[int]:
    """Split `total` whole units over `weights` by the largest-remainder method.

    Each entry gets floor(total * w / sum w); the units left go one each to the largest fractional
    parts; ties go to the larger weight, then to the smaller key. The result sums to `total`.
    Exact rational arithmetic, so that ties are real ties and not rounding noise.

    >>> apportion(10, [1, 1, 1], ["b", "a", "c"])
    [3, 4, 3]
    """
    if total < 0:
        raise ValueError("total must be >= 0")
    if len(weights) != len(keys):
        raise ValueError("weights and keys differ in length")
    exact = [Fraction(w) for w in weights]
    if any(w < 0 for w in exact):
        raise ValueError("weights must be >= 0")
    weight_sum = sum(exact)
    if not exact or weight_sum == 0:
        if total == 0:
            return [0] * len(exact)
        raise ValueError("cannot apportion a positive total over zero weight")
    quotas = [total * w / weight_sum for w in exact]
    shares = [q.numerator // q.denominator for q in quotas]
    left = total - sum(shares)
    order = sorted(
        range(len(exact)),
        key=lambda i: (-(quotas[i] - shares[i]), -exact[i], keys[i]),
    )
    for i in order[:left]:
        shares[i] += 1
    return shares


def weight(population: int, ses_woa: float) -> Fraction:
    """omega(m) = population x (1 + ses_woa), exactly (model.md, "Indicative distribution").

    Plain int and float first: a Fraction of numpy numbers overflows.
    """
    return Fraction(int(population)) * (1 + Fraction(float(ses_woa)))


def indicative_tasks(
    codes: Sequence[str],
    population: Sequence[int],
    ses_woa: Sequence[float],
    reception: int,
    amv: int,
) -> tuple[list[int], list[int]]:
    """reception_task = apportion(reception, population*(1+ses_woa)); amv_task = apportion(amv, reception_task)."""
    omega = [weight(p, s) for p, s in zip(population, ses_woa, strict=True)]
    reception_task = apportion(reception, omega, codes)
    amv_task = apportion(amv, reception_task, codes)
    return reception_task, amv_task
