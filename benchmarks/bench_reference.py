"""Time course_utils.reference.conv_transpose2d against torch.nn.functional.conv_transpose2d, side by side.

Run: python benchmarks/bench_reference.py [--threads 1] [--rounds 3] [--min-run-time 1.0]

Not a test: timings depend on the machine. Each case is timed in interleaved rounds (ours, PyTorch, ours, ...)
so that background load hits both alike, and reported twice: wall-clock time, and process CPU time, which is
steadier on a shared machine because time spent waiting for a core is not counted. Target: ratio <= 1.5.
"""

import argparse
import time

import torch
from torch.nn import functional as F
from torch.utils import benchmark

from course_utils.reference import conv_transpose2d

CASES = [  # (input shape, output channels, kernel, stride, padding)
    ((1, 256, 14, 14), 128, 4, 2, 1),
    ((8, 64, 56, 56), 32, 4, 2, 1),
]
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(fn, args, clock, threads, min_run_time, rounds):
    runs = []
    for _ in range(rounds):
        timer = benchmark.Timer("fn(*args)", globals={"fn": fn, "args": args}, timer=CLOCKS[clock],
                                num_threads=threads)
        runs.append(timer.blocked_autorange(min_run_time=min_run_time))
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--min-run-time", type=float, default=1.0)
    opts = parser.parse_args()
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, {opts.threads} thread(s), float32, {opts.rounds} interleaved rounds")
    for shape, c_out, k, s, p in CASES:
        x = torch.randn(*shape)
        weight = torch.randn(shape[1], c_out, k, k) / (shape[1] * k * k) ** 0.5
        bias = torch.randn(c_out)
        args = (x, weight, bias, s, p)
        ours, theirs = conv_transpose2d(*args), F.conv_transpose2d(*args)
        assert ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=1e-4, rtol=1e-4)
        print(f"\n{shape} -> {c_out} channels, k{k} s{s} p{p}: output {tuple(theirs.shape)}")
        for clock in CLOCKS:
            results = {"ours": [], "torch": []}
            for _ in range(opts.rounds):
                for name, fn in (("ours", conv_transpose2d), ("torch", F.conv_transpose2d)):
                    results[name] += measure(fn, args, clock, opts.threads, opts.min_run_time, 1)
            merged = {name: benchmark.Measurement.merge(runs)[0] for name, runs in results.items()}
            for name, m in merged.items():
                print(f"  {clock:4} {name:5}  median {m.median * 1e3:8.3f} ms   IQR {m.iqr * 1e3:7.3f} ms")
            print(f"  {clock:4} ratio ours / torch = {merged['ours'].median / merged['torch'].median:.2f}")


if __name__ == "__main__":
    main()
