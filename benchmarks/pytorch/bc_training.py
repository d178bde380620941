"""PyTorch peer of BcTrainingBenchmark: behaviour-cloning training throughput in samples/s.

The same training as the Java benchmark in a plain PyTorch loop on one thread: a 4->64->64->2
tanh MLP (Xavier-normal weights, zero biases), Adam at lr 1e-3, loss = cross-entropy minus 1e-3 x
policy entropy, one epoch = 5,000 normalised float32 samples cut into minibatches before timing
(the last one partial). The states are standard-normal and the actions follow a fixed linear rule,
so the network learns something; only the shapes matter for speed, not CartPole itself.

Timed like JMH: warm-up iterations, then measurement iterations, each running whole epochs for at
least the iteration time; every iteration's samples/s is reported. A fresh network per batch size.

    python3 benchmarks/pytorch/bc_training.py                       # 5 x 2 s warm-up, 5 x 2 s
    python3 benchmarks/pytorch/bc_training.py --batch-sizes 64 --warmup 1 --iterations 2 --json out.json
    python3 benchmarks/pytorch/bc_training.py --jmh-result benchmarks/target/jmh-result.json

With --jmh-result, batch sizes and iteration shape default to those of the BcTrainingBenchmark
rows in that JMH result file (options given explicitly still win).
"""

import argparse
import json
import platform
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn

SAMPLES = 5000
STATE_WIDTH = 4
ACTIONS = 2
ENTROPY_BONUS = 1e-3
# Action 1 when the state's projection on this direction is positive.
RULE = torch.tensor([0.3, 0.7, 1.0, 0.6])


def demonstrations(seed=3):
    """5,000 normalised float32 states and their actions, from a fixed seed."""
    generator = torch.Generator().manual_seed(seed)
    states = torch.randn(SAMPLES, STATE_WIDTH, generator=generator)
    actions = (states @ RULE > 0).long()
    states = (states - states.mean(0)) / states.std(0)
    return states.float(), actions


def policy_network():
    layers = [nn.Linear(STATE_WIDTH, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, ACTIONS)]
    for layer in layers:
        if isinstance(layer, nn.Linear):
            nn.init.xavier_normal_(layer.weight)
            nn.init.zeros_(layer.bias)
    return nn.Sequential(*layers)


def bc_loss(logits, actions):
    """Cross-entropy minus ENTROPY_BONUS x entropy, averaged over the batch (CategoricalNllLoss)."""
    log_p = F.log_softmax(logits, dim=1)
    entropy = -(log_p.exp() * log_p).sum(dim=1).mean()
    return F.nll_loss(log_p, actions) - ENTROPY_BONUS * entropy


def epoch(network, optimizer, batches):
    for states, actions in batches:
        optimizer.zero_grad(set_to_none=True)
        loss = bc_loss(network(states), actions)
        loss.backward()
        optimizer.step()


def iteration(network, optimizer, batches, seconds):
    """Whole epochs for at least `seconds`; returns samples/s."""
    epochs = 0
    start = time.perf_counter()
    while True:
        epoch(network, optimizer, batches)
        epochs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return epochs * SAMPLES / elapsed


def measure(batch_size, args):
    torch.manual_seed(0)
    states, actions = demonstrations()
    batches = list(zip(states.split(batch_size), actions.split(batch_size)))
    network = policy_network()
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    for _ in range(args.warmup):
        iteration(network, optimizer, batches, args.warmup_time or args.time)
    scores = [iteration(network, optimizer, batches, args.time) for _ in range(args.iterations)]
    with torch.no_grad():
        accuracy = (network(states).argmax(dim=1) == actions).float().mean().item()
    mean = statistics.mean(scores)
    print(f"PyTorch BC training, batch {batch_size}: {mean:,.0f} samples/s "
          f"(iterations {min(scores):,.0f}-{max(scores):,.0f}; training accuracy {accuracy:.1%})", flush=True)
    return {"batchSize": batch_size, "samplesPerSecond": mean, "iterations": scores}


def blas_library():
    """The BLAS library this process loaded: Debian's torch uses whichever libblas.so.3 is selected."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "/libblas" in line}
    except OSError:
        return "unknown"
    return ", ".join(sorted(paths)) or "unknown"


def seconds(jmh_time):
    """JMH's time value ("2 s", "500 ms", "1 min") in seconds."""
    value, unit = jmh_time.split()
    return float(value) * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "hr": 3600}[unit]


def jmh_defaults(path):
    """Batch sizes and iteration shape of the BcTrainingBenchmark rows of a JMH result file."""
    with open(path) as f:
        rows = [r for r in json.load(f) if ".BcTrainingBenchmark." in r["benchmark"]]
    if not rows:
        raise SystemExit(f"{path}: expected BcTrainingBenchmark results, found none")
    first = rows[0]
    return {
        "batch_sizes": sorted({int(r["params"]["batchSize"]) for r in rows}),
        "warmup": first["warmupIterations"],
        "warmup_time": seconds(first["warmupTime"]),
        "iterations": first["measurementIterations"],
        "time": seconds(first["measurementTime"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-sizes", type=lambda s: [int(b) for b in s.split(",")], default=[64, 256],
                        help="comma-separated minibatch sizes (default 64,256)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up iterations (default 5)")
    parser.add_argument("--iterations", type=int, default=5, help="measurement iterations (default 5)")
    parser.add_argument("--time", type=float, default=2.0, help="seconds per iteration (default 2)")
    parser.add_argument("--warmup-time", type=float, help="seconds per warm-up iteration (default --time)")
    parser.add_argument("--json", metavar="OUT", help="also write the results to this JSON file")
    parser.add_argument("--jmh-result", metavar="FILE",
                        help="take the defaults above from the BcTrainingBenchmark rows of this JMH result file")
    args = parser.parse_args()
    if args.jmh_result:
        parser.set_defaults(**jmh_defaults(args.jmh_result))
        args = parser.parse_args()
    if args.iterations < 1:
        parser.error("--iterations: expected at least 1")

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    results = [measure(batch_size, args) for batch_size in args.batch_sizes]
    blas = blas_library()
    print(f"PyTorch {torch.__version__}, Python {platform.python_version()}, 1 thread, BLAS {blas}")
    if "/blas/" in blas:
        print("Warning: this is the unoptimised reference BLAS, which made Debian's torch 2-3x slower here; "
              "install libopenblas0-serial")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"torch": torch.__version__, "python": platform.python_version(), "threads": 1,
                       "blas": blas, "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
