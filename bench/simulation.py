"""Benchmark of the weerstandsvermogen simulation: speed, memory and accuracy of P90. Prints figures.

Run from the project root: `.venv/bin/python bench/simulation.py`. Not a test: figures depend on
the machine, so nothing here fails a build.
"""

import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from risks.simulation import simulate  # noqa: E402

TIME_TARGET_S = 1.0
MEMORY_TARGET_MB = 500
P90_TARGET = 0.02


def verdict(ok: bool) -> str:
    return "OK" if ok else "NIET GEHAALD"


def portfolio(n_risks: int, seed: int, *, p_low: float, p_high: float, amount_low: float, amount_high: float):
    rng = np.random.default_rng(seed)
    probabilities = rng.uniform(p_low, p_high, n_risks)
    bounds = np.sort(rng.uniform(amount_low, amount_high, (n_risks, 2)), axis=1)
    return probabilities, bounds[:, 0], bounds[:, 1]


def bench_large() -> None:
    n_risks, iterations = 1_000, 100_000
    args = portfolio(n_risks, 1, p_low=0.0, p_high=1.0, amount_low=0, amount_high=2_000_000)
    print(f"1. {n_risks:,} risico's x {iterations:,} iteraties".replace(",", "."))

    simulate(*args, iterations=1_000)  # warm up numpy before timing
    times, cpu_times = [], []
    for _ in range(5):
        start, cpu_start = time.perf_counter(), time.process_time()
        simulate(*args, iterations=iterations)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    best, median = min(times), statistics.median(times)
    print(f"   tijd: beste {best:.3f} s, mediaan {median:.3f} s van {len(times)} runs  [doel < {TIME_TARGET_S:.0f} s]")
    # CPU time shows whether a slow wall time came from other processes on the same machine.
    print(f"   processortijd: mediaan {statistics.median(cpu_times):.3f} s; belasting {os.getloadavg()[0]:.2f}")
    print(f"   {verdict(median < TIME_TARGET_S)} (mediaan)")

    tracemalloc.start()
    simulate(*args, iterations=iterations)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # ru_maxrss is in kilobytes on Linux: the whole process at its peak, Python and numpy included.
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_mb = peak / 1024 / 1024
    print(f"   geheugen: piek numpy-allocaties {peak_mb:.1f} MB (tracemalloc), piek proces {rss_mb:.1f} MB (ru_maxrss)")
    print(f"   [doel < {MEMORY_TARGET_MB} MB] {verdict(max(peak_mb, rss_mb) < MEMORY_TARGET_MB)}")


def bench_accuracy() -> None:
    # A realistic portfolio: 200 risks, kans 10-90%, bedragen tussen € 10.000 en € 5 mln.
    args = portfolio(200, 2, p_low=0.1, p_high=0.9, amount_low=10_000, amount_high=5_000_000)
    start = time.perf_counter()
    reference = simulate(*args, iterations=1_000_000).percentile(90)
    reference_time = time.perf_counter() - start
    print("2. P90 van 10.000 iteraties tegen een referentie van 1.000.000 iteraties (200 risico's)")
    print(f"   referentie P90 € {reference:,.0f} ({reference_time:.2f} s)".replace(",", "."))
    deviations = []
    for seed in (None, 1, 2, 3, 4, 5):
        kwargs = {} if seed is None else {"seed": seed}
        p90 = simulate(*args, iterations=10_000, **kwargs).percentile(90)
        deviation = abs(p90 - reference) / reference
        deviations.append(deviation)
        label = "standaard" if seed is None else str(seed)
        print(f"   seed {label:>9}: P90 € {p90:,.0f}".replace(",", ".") + f", afwijking {deviation:.3%}")
    worst = max(deviations)
    print(f"   grootste afwijking {worst:.3%} [doel < {P90_TARGET:.0%}] {verdict(worst < P90_TARGET)}")


if __name__ == "__main__":
    bench_large()
    bench_accuracy()
