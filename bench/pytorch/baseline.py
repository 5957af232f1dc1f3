#!/usr/bin/python3
"""PyTorch baseline for the netdyn benchmarks.

Times one full-batch gradient-descent step of the 4-10-3 Iris network of the
reference study (SCIENCE.md section 2), float64 throughout:

    a1 = x W1 + b1,  h = sigmoid(a1),  z = h W2 + b2,
    L  = mean over the 120 training samples of softmax cross-entropy,
    theta <- theta - eta * grad L.

Three forms:

  loop        one trajectory, nn.Module + torch.optim.SGD, the idiomatic
              zero_grad / backward / step loop (eta = 0.01).
              Reported as microseconds per trajectory-step.
  batched     R trajectories at once as [R, ...] tensors pushed through
              torch.bmm; the loss is the sum of each trajectory's mean CE so
              autograd hands every trajectory its own gradient (eta = 0.01).
              Reported as (time per batched step) / R, in microseconds.
  hessian-qr  one trajectory: full 83x83 Hessian via
              torch.autograd.functional.hessian, J = I - eta H, Q <- J Q,
              torch.linalg.qr(Q), plus the GD step itself (eta = 1): one step
              of the Benettin/QR full Lyapunov spectrum. Reported in ms/step.

and, on the follow-up study's 784-64-10 tanh network at N = 10 000 MNIST-shaped
samples (see mnist.py): mnist-step, mnist-ensemble (6 models in a Python loop,
per model-step) and mnist-lyap10 (GD step + 10 Hessian-vector products + QR),
all eta = 0.01, reported in ms.  They run only when named in --forms.

Run with Debian's interpreter (/usr/bin/python3), which is where apt's
python3-torch lives.  Examples:

    /usr/bin/python3 bench/pytorch/baseline.py
    /usr/bin/python3 bench/pytorch/baseline.py --threads 1,2 --json
    /usr/bin/python3 bench/pytorch/baseline.py --forms batched --replicas 1000
    /usr/bin/python3 bench/pytorch/baseline.py --forms mnist-step,mnist-ensemble,mnist-lyap10 --json
"""

import argparse
import csv
import datetime
import json
import math
import os
import platform
import statistics
import sys
import time

import torch
import torch.nn.functional as F

import mnist

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_IRIS = os.path.normpath(os.path.join(
    HERE, "..", "..", "netdyn-core", "src", "main", "resources",
    "netdyn", "data", "iris.csv"))

N_TRAIN = 120
N_IN, N_HID, N_OUT = 4, 10, 3
# Flat theta layout shared with netdyn: W1 [4][10] row-major, b1, W2 [10][3]
# row-major, b2.  83 parameters.
SHAPES = [(N_IN, N_HID), (N_HID,), (N_HID, N_OUT), (N_OUT,)]
N_PARAMS = sum(math.prod(s) for s in SHAPES)
DTYPE = torch.float64

IRIS_FORMS = ("loop", "batched", "hessian-qr")
FORMS = IRIS_FORMS + mnist.FORMS
ETA = {"loop": 0.01, "batched": 0.01, "hessian-qr": 1.0, **{f: mnist.ETA for f in mnist.FORMS}}
MS_FORMS = ("hessian-qr",) + mnist.FORMS  # reported in ms, the others in us


def log(*a):
    # Diagnostics go to stderr so that --json output stays machine-readable.
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Data and initialisation
# --------------------------------------------------------------------------

def load_iris(path, n=N_TRAIN):
    """First n rows of the scikit-learn-format Iris CSV.

    The bundled file is sorted by class; netdyn shuffles before splitting, but
    the cost of a full-batch step does not depend on which 120 rows are used.
    """
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    body = rows[1:]  # first line is the "150,4,setosa,..." header
    x = torch.tensor([[float(v) for v in r[:N_IN]] for r in body[:n]], dtype=DTYPE)
    y = torch.tensor([int(r[N_IN]) for r in body[:n]], dtype=torch.long)
    return x, y


def init_params(gen, batch=()):
    """Weights N(0,1), biases 0 (the study's init), optionally with a leading
    replica dimension.  Biases get a singleton sample axis in the batched form
    so they broadcast over the 120 rows inside bmm-based forwards."""
    w1 = torch.randn(*batch, N_IN, N_HID, generator=gen, dtype=DTYPE)
    w2 = torch.randn(*batch, N_HID, N_OUT, generator=gen, dtype=DTYPE)
    mid = (1,) if batch else ()
    b1 = torch.zeros(*batch, *mid, N_HID, dtype=DTYPE)
    b2 = torch.zeros(*batch, *mid, N_OUT, dtype=DTYPE)
    return w1, b1, w2, b2


# --------------------------------------------------------------------------
# (a) loop: the textbook single-network training loop
# --------------------------------------------------------------------------

class IrisNet(torch.nn.Module):
    # Explicit parameters rather than nn.Linear so the storage layout is
    # x W (not x W^T) and matches netdyn's flat theta one-to-one.
    def __init__(self, w1, b1, w2, b2):
        super().__init__()
        self.W1 = torch.nn.Parameter(w1.clone())
        self.b1 = torch.nn.Parameter(b1.clone())
        self.W2 = torch.nn.Parameter(w2.clone())
        self.b2 = torch.nn.Parameter(b2.clone())

    def forward(self, x):
        h = torch.sigmoid(x @ self.W1 + self.b1)
        return h @ self.W2 + self.b2


class LoopForm:
    def __init__(self, x, y, params, eta):
        self.x, self.y = x, y
        self.net = IrisNet(*params)
        self.opt = torch.optim.SGD(self.net.parameters(), lr=eta)
        self.trajectories = 1

    def step(self, n):
        x, y, net, opt = self.x, self.y, self.net, self.opt
        for _ in range(n):
            opt.zero_grad()
            loss = F.cross_entropy(net(x), y)  # mean over samples
            loss.backward()
            opt.step()


# --------------------------------------------------------------------------
# (b) batched: R independent trajectories in one autograd graph
# --------------------------------------------------------------------------

class BatchedForm:
    def __init__(self, x, y, gen, eta, replicas):
        r = replicas
        # expand() is a stride-0 view: no R copies of the data are made.
        self.xb = x.unsqueeze(0).expand(r, N_TRAIN, N_IN)
        self.yb = y.repeat(r)
        self.params = [p.requires_grad_() for p in init_params(gen, (r,))]
        self.eta = eta
        self.trajectories = r

    def loss(self):
        w1, b1, w2, b2 = self.params
        h = torch.sigmoid(torch.bmm(self.xb, w1) + b1)   # [R,120,10]
        z = torch.bmm(h, w2) + b2                          # [R,120,3]
        # Summing the per-trajectory means keeps the trajectories decoupled:
        # d(sum_r L_r)/d theta_r = d L_r / d theta_r.
        ce = F.cross_entropy(z.reshape(-1, N_OUT), self.yb, reduction="sum")
        return ce / N_TRAIN

    def step(self, n):
        eta, params = self.eta, self.params
        for _ in range(n):
            self.loss().backward()
            with torch.no_grad():
                for p in params:
                    p.sub_(eta * p.grad)
                    p.grad = None


# --------------------------------------------------------------------------
# (c) hessian-qr: one Benettin/QR step of the full Lyapunov spectrum
# --------------------------------------------------------------------------

def unflatten(theta):
    out, i = [], 0
    for s in SHAPES:
        k = math.prod(s)
        out.append(theta[i:i + k].view(s))
        i += k
    return out


def flat_loss(theta, x, y):
    w1, b1, w2, b2 = unflatten(theta)
    h = torch.sigmoid(x @ w1 + b1)
    return F.cross_entropy(h @ w2 + b2, y)


class HessianQRForm:
    def __init__(self, x, y, gen, eta, vectorize=False):
        self.x, self.y = x, y
        self.theta = torch.cat([p.reshape(-1) for p in init_params(gen)])
        self.q = torch.eye(N_PARAMS, dtype=DTYPE)
        self.eye = torch.eye(N_PARAMS, dtype=DTYPE)
        self.log_r = torch.zeros(N_PARAMS, dtype=DTYPE)  # running sum of ln|R_ii|
        self.eta = eta
        self.vectorize = vectorize
        self.trajectories = 1
        self.steps_done = 0

    def _loss(self, theta):
        return flat_loss(theta, self.x, self.y)

    def step(self, n):
        eta = self.eta
        for _ in range(n):
            theta = self.theta
            hess = torch.autograd.functional.hessian(
                self._loss, theta, vectorize=self.vectorize)
            # The GD map's Jacobian at theta_t is I - eta H(theta_t); the
            # tangent frame is pushed through it before theta moves on.
            jac = self.eye - eta * hess
            q, r = torch.linalg.qr(jac @ self.q)
            self.q = q
            self.log_r += torch.log(torch.abs(torch.diagonal(r)))
            t = theta.detach().requires_grad_()
            (g,) = torch.autograd.grad(self._loss(t), t)
            self.theta = theta - eta * g
            self.steps_done += 1

    def spectrum(self):
        """Finite-time Lyapunov exponents so far (per step), largest first.
        Only a sanity check: the benchmark is about cost, not these values."""
        return (self.log_r / max(self.steps_done, 1)).sort(descending=True).values


# --------------------------------------------------------------------------
# Correctness cross-check (cheap; run with --check)
# --------------------------------------------------------------------------

def check(x, y, seed):
    """The batched form must reproduce the loop form trajectory by trajectory,
    and the Hessian must be symmetric and agree with a finite difference of
    the gradient; otherwise the timings compare different computations."""
    steps, r = 20, 4
    bat = BatchedForm(x, y, torch.Generator().manual_seed(seed), 0.01, r)
    inits = [p.detach().clone() for p in bat.params]
    bat.step(steps)
    worst = 0.0
    for k in range(r):
        w1, b1, w2, b2 = (p[k] for p in inits)
        lf = LoopForm(x, y, (w1, b1.reshape(-1), w2, b2.reshape(-1)), 0.01)
        lf.step(steps)
        for a, b in zip(lf.net.parameters(), (p[k] for p in bat.params)):
            worst = max(worst, (a.detach() - b.detach().reshape(a.shape)).abs().max().item())
    log(f"check: batched vs loop after {steps} steps, max |diff| = {worst:.3e}")
    assert worst < 1e-12, "batched form diverges from loop form"

    hq = HessianQRForm(x, y, torch.Generator().manual_seed(seed), 1.0)
    theta = hq.theta
    hess = torch.autograd.functional.hessian(hq._loss, theta)
    asym = (hess - hess.T).abs().max().item()

    def grad_at(t):
        t = t.detach().requires_grad_()
        return torch.autograd.grad(hq._loss(t), t)[0]

    eps, fd_err = 1e-6, 0.0
    for i in (0, 40, 50, 82):
        e = torch.zeros_like(theta)
        e[i] = eps
        col = (grad_at(theta + e) - grad_at(theta - e)) / (2 * eps)
        fd_err = max(fd_err, (col - hess[:, i]).abs().max().item())
    log(f"check: Hessian {tuple(hess.shape)}, max asymmetry = {asym:.3e}, "
          f"max |H - finite-diff| = {fd_err:.3e}")
    assert hess.shape == (N_PARAMS, N_PARAMS) and asym < 1e-10 and fd_err < 1e-6
    hq.step(200)
    spec = hq.spectrum()
    log(f"check: eta=1 QR spectrum after 200 steps: max {spec[0].item():+.4f}, "
          f"min {spec[-1].item():+.4f}, sum {spec.sum().item():+.4f} (per step)")


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------

def make_form(name, x, y, seed, args):
    if name in mnist.FORMS:
        return mnist.make_form(name, args.mnist_n, seed)
    gen = torch.Generator().manual_seed(seed)
    if name == "loop":
        return LoopForm(x, y, init_params(gen), ETA[name])
    if name == "batched":
        return BatchedForm(x, y, gen, ETA[name], args.replicas)
    return HessianQRForm(x, y, gen, ETA[name], vectorize=args.hessian_vectorize)


def timed(form, n):
    t0 = time.perf_counter()
    form.step(n)
    return time.perf_counter() - t0


def bench_form(name, x, y, args):
    """Median over --repeats of seconds per trajectory-step.

    The step count per repeat is either --steps, or calibrated so that one
    repeat lasts about --seconds (one step of the three forms differs in cost
    by ~3 orders of magnitude, so a single fixed count would not fit them all).
    """
    form = make_form(name, x, y, args.seed, args)
    # Warm-up: first calls pay for allocator growth, lazy init, thread spin-up.
    probe = 1
    while True:
        dt = timed(form, probe)
        if dt >= args.warmup:
            break
        probe *= 2
    if args.steps:
        n = args.steps
    else:
        n = max(1, round(args.seconds * probe / dt))
    per_step = [timed(form, n) / (n * form.trajectories) for _ in range(args.repeats)]
    return {
        "form": name,
        "eta": ETA[name],
        "trajectories_per_step": form.trajectories,
        "steps_per_repeat": n,
        "repeats": args.repeats,
        "seconds_per_trajectory_step_median": statistics.median(per_step),
        "seconds_per_trajectory_step_all": per_step,
    }


def blas_libraries():
    """The BLAS/LAPACK shared objects this process has mapped (Linux), resolved
    through symlinks.  Debian's torch links libblas.so.3, which the alternatives
    system points at the reference BLAS or at OpenBLAS; the MNIST-size forms
    run at the speed of its dgemm, so the record says which one it was."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "/" in line}
    except OSError:
        return []
    return sorted({os.path.realpath(p) for p in paths
                   if "blas" in os.path.basename(p) or "lapack" in os.path.basename(p)})


def fmt_time(seconds, form):
    if form in MS_FORMS:
        return f"{seconds * 1e3:10.2f} ms"
    return f"{seconds * 1e6:10.2f} us"


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="PyTorch baseline: one full-batch GD step of the 4-10-3 Iris net "
                    "(and of the 784-64-10 MNIST-size net, forms mnist-*).")
    p.add_argument("--threads", default="1,2",
                   help="comma-separated torch.set_num_threads values (default 1,2)")
    p.add_argument("--forms", default=",".join(IRIS_FORMS),
                   help=f"comma-separated subset of {','.join(FORMS)} "
                        f"(default: {','.join(IRIS_FORMS)})")
    p.add_argument("--replicas", type=int, default=3000,
                   help="trajectories in the batched form (default 3000)")
    p.add_argument("--steps", type=int, default=0,
                   help="fixed steps per timing repeat (overrides --seconds)")
    p.add_argument("--seconds", type=float, default=2.0,
                   help="target wall time per timing repeat (default 2.0)")
    p.add_argument("--repeats", type=int, default=5,
                   help="timing repeats; the median is reported (default 5)")
    p.add_argument("--warmup", type=float, default=0.5,
                   help="minimum warm-up wall time per form, seconds (default 0.5)")
    p.add_argument("--mnist-n", type=int, default=mnist.DEFAULT_N,
                   help=f"samples in the mnist-* forms (default {mnist.DEFAULT_N})")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--iris", default=DEFAULT_IRIS, help="path to iris.csv")
    p.add_argument("--hessian-vectorize", action="store_true",
                   help="pass vectorize=True to autograd.functional.hessian "
                        "(vmap-batched backward passes instead of 83 separate ones)")
    p.add_argument("--check", action="store_true",
                   help="run correctness cross-checks before timing")
    p.add_argument("--json", action="store_true", help="print results as JSON")
    args = p.parse_args(argv)
    args.threads = [int(t) for t in args.threads.split(",") if t]
    args.forms = [f.strip() for f in args.forms.split(",") if f.strip()]
    bad = [f for f in args.forms if f not in FORMS]
    if bad:
        p.error(f"unknown form(s): {bad}")
    if args.mnist_n < 1:
        p.error(f"--mnist-n must be >= 1 (got {args.mnist_n})")
    return args


def main(argv=None):
    args = parse_args(argv)
    x, y = load_iris(args.iris)
    if args.check:
        if any(f in IRIS_FORMS for f in args.forms):
            check(x, y, args.seed)
        if any(f in mnist.FORMS for f in args.forms):
            mnist.check(args.mnist_n, args.seed, log)

    results = []
    for nt in args.threads:
        torch.set_num_threads(nt)
        for name in args.forms:
            res = bench_form(name, x, y, args)
            res["threads"] = nt
            results.append(res)
            log(f"  ... {name:14s} threads={nt}: "
                f"{fmt_time(res['seconds_per_trajectory_step_median'], name)}")

    if args.json:
        print(json.dumps({
            "torch_version": torch.__version__,
            "python": platform.python_version(),
            "machine": platform.processor() or platform.machine(),
            "cpu_count": os.cpu_count(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "replicas": args.replicas,
            "hessian_vectorize": args.hessian_vectorize,
            "blas_libraries": blas_libraries(),
            "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
            "mnist_n": args.mnist_n,
            "mnist_replicas": mnist.REPLICAS,
            "mnist_k": mnist.LYAP_K,
            "results": results,
        }, indent=2))
        return

    print(f"torch {torch.__version__}, float64, {N_TRAIN} samples, "
          f"{N_IN}-{N_HID}-{N_OUT} net ({N_PARAMS} params), "
          f"batched R={args.replicas}")
    if any(f in mnist.FORMS for f in args.forms):
        print(f"mnist-*: {args.mnist_n} samples, {mnist.N_IN}-{mnist.N_HID}-{mnist.N_OUT} tanh net "
              f"({mnist.N_PARAMS} params), ensemble of {mnist.REPLICAS}, top {mnist.LYAP_K} exponents")
    print(f"{'form':<14} {'threads':>7}  {'per trajectory-step':>20}")
    for r in results:
        print(f"{r['form']:<14} {r['threads']:>7}  "
              f"{fmt_time(r['seconds_per_trajectory_step_median'], r['form']):>20}")


if __name__ == "__main__":
    main()
