#!/usr/bin/python3
"""Cross-check netdyn's training orbits against PyTorch on identical inputs.

netdyn and PyTorch are given the same data (a shuffled copy of the bundled
Iris CSV, written to a temporary file and passed as `--data csv:FILE`) and the
same initial parameters theta_0 (a float64 .npy passed as `--init-from`), so
nothing of netdyn's data handling, seeding or initialisation has to be
re-implemented here.  Both then do T full-batch gradient-descent steps of the
4-10-3 Iris network in float64:

    a1 = x W1 + b1,  h = sigmoid(a1),  z = h W2 + b2,  theta <- theta - eta grad L

and the recorded losses L(theta_t), t = 0..T, and parameters theta_t are
compared step by step.  Variants (output map / loss / eta / T):

  a  softmax            + cross-entropy  eta = 0.01  T = 5000  (the study's small-eta run)
  b  softmax            + cross-entropy  eta = 1     T = 300   (chaotic: 1e-16 differences
                                                                grow exponentially)
  c  linear             + MSE            eta = 0.01  T = 2000  L = (1/2N) sum_n sum_k (z_nk - y_nk)^2
  d  sigmoid-normalized + cross-entropy  eta = 0.01  T = 2000  p = sigmoid(z) / sum_k sigmoid(z_k),
                                                                L = mean of -ln p_label
  e-h  softmax + cross-entropy with netdyn's --optimizer against torch.optim: heavy ball 0.9 and
       Nesterov 0.9 (eta = 0.01), RMSProp (chaotic here, compared as b) and Adam (eta = 0.001),
       PyTorch's defaults

For each variant: max_t |L_nd(t) - L_pt(t)| / L_pt(t), max_t max_i |theta_nd(t) -
theta_pt(t)|, and both at the final step.  For the chaotic variant also the first
step at which max_i |dtheta| exceeds 1e-8 and the slope of ln max_i |dtheta(t)|
against t over its exponential-growth range: a finite-time estimate of the
largest Lyapunov exponent (per step); the same is reported for PyTorch
against itself from theta_0 nudged by one ulp, as a reference.  Bitwise equality is not expected
(netdyn has its own exp and uses fused multiply-adds), so the non-chaotic
variants should agree to rounding level, ~1e-13 relative or better.

`--case mnist` does the same for the follow-up study's 784-64-10 network
(tanh hidden layer, softmax cross-entropy): N = 2000 MNIST-shaped samples
(random 28x28 unsigned-byte images, labels 0..9, drawn with the numpy seed)
written as IDX files and passed as `--data idx:PREFIX`, theta_0 (50 890 values,
weights N(0,1), biases 0) as `--init-from`, T = 50 steps at eta = 0.1.  netdyn
scales a pixel byte k to k * (1.0/255) (a multiplication by the double nearest
1/255, IdxLoader), which is not always the double nearest k/255; the PyTorch
side uses the same product.  Exit status 1 if the loss series differ by more than
--mnist-tolerance (default 1e-13) relative.

Run with Debian's interpreter (/usr/bin/python3), where python3-torch lives:

    /usr/bin/python3 bench/pytorch/crosscheck.py                 # all variants, table
    /usr/bin/python3 bench/pytorch/crosscheck.py --json          # JSON record on stdout
    /usr/bin/python3 bench/pytorch/crosscheck.py --variants a,c --keep /tmp/xc
    /usr/bin/python3 bench/pytorch/crosscheck.py --case mnist    # 784-64-10, N = 2000, T = 50

Exit status 1 if a non-chaotic variant disagrees by more than --tolerance
(relative loss difference); progress goes to stderr.
"""

import argparse
import csv
import datetime
import json
import math
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

import mnist

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_IRIS = os.path.join(ROOT, "netdyn-core", "src", "main", "resources",
                            "netdyn", "data", "iris.csv")
DEFAULT_NETDYN = os.path.join(ROOT, "netdyn")

N_TRAIN = 120
N_IN, N_HID, N_OUT = 4, 10, 3
# Flat theta layout shared with netdyn (and baseline.py): W1 [4][10] row-major,
# b1[10], W2 [10][3] row-major, b2[3].  83 parameters.
SHAPES = [(N_IN, N_HID), (N_HID,), (N_HID, N_OUT), (N_OUT,)]
N_PARAMS = sum(math.prod(s) for s in SHAPES)
DTYPE = torch.float64

# name -> (netdyn --output, netdyn --loss, eta, T, chaotic?, description[, netdyn --optimizer])
VARIANTS = {
    "a": ("softmax", "ce", 0.01, 5000, False, "softmax CE, eta=0.01"),
    "b": ("softmax", "ce", 1.0, 300, True, "softmax CE, eta=1 (chaotic)"),
    "c": ("linear", "mse", 0.01, 2000, False, "linear MSE, eta=0.01"),
    "d": ("sigmoid-normalized", "ce", 0.01, 2000, False, "sigmoid-norm CE, eta=0.01"),
    # the optimizers against torch.optim with the same hyperparameters (PyTorch's defaults)
    "e": ("softmax", "ce", 0.01, 2000, False, "heavy ball 0.9, eta=0.01", "momentum:0.9"),
    "f": ("softmax", "ce", 0.01, 2000, False, "Nesterov 0.9, eta=0.01", "nesterov:0.9"),
    # RMSProp's map here has a positive exponent (netdyn lyapunov: 0.016 per step, twin orbits 0.020):
    # the runs agree to 2e-18 after step 1 and part like two PyTorch runs one ulp apart, as variant b
    "g": ("softmax", "ce", 0.001, 2000, True, "RMSProp, eta=0.001 (chaotic)", "rmsprop"),
    "h": ("softmax", "ce", 0.001, 2000, False, "Adam, eta=0.001", "adam"),
}


def torch_optimizer(params, eta, optimizer):
    """torch.optim's counterpart of a netdyn --optimizer (None: plain SGD)."""
    if optimizer is None:
        return torch.optim.SGD(params, lr=eta)
    if optimizer == "momentum:0.9":
        return torch.optim.SGD(params, lr=eta, momentum=0.9)
    if optimizer == "nesterov:0.9":
        return torch.optim.SGD(params, lr=eta, momentum=0.9, nesterov=True)
    if optimizer.startswith("rmsprop"):
        eps = float(optimizer.split("eps=")[1]) if "eps=" in optimizer else 1e-8
        return torch.optim.RMSprop(params, lr=eta, alpha=0.99, eps=eps)
    if optimizer == "adam":
        return torch.optim.Adam(params, lr=eta, betas=(0.9, 0.999), eps=1e-8)
    raise ValueError(optimizer)

# Chaotic variant: threshold for "the orbits have separated", and the window of
# max|dtheta| over which ln max|dtheta| is fitted by a straight line.  Below
# ~1e-13 the difference is still dominated by fresh rounding noise, above ~1e-3
# it saturates (the orbits are no longer close).
SEPARATION = 1e-8
FIT_LO, FIT_HI = 1e-13, 1e-3


def log(*a):
    # Diagnostics go to stderr so that --json output stays machine-readable.
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Inputs: a shuffled Iris CSV and theta_0, both written to files for netdyn
# --------------------------------------------------------------------------

def read_iris(path):
    """Rows of the scikit-learn-format Iris CSV as (feature strings, int label).

    The feature cells are kept as the original strings so that netdyn
    (Double.parseDouble) and this script (float()) parse exactly the same
    text; both round correctly, so they get the same doubles."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    body = [r for r in rows[1:] if r]  # first line: "150,4,setosa,versicolor,virginica"
    return [(r[:N_IN], int(r[N_IN])) for r in body]


def write_inputs(iris_path, workdir, seed):
    """Shuffle the rows with a fixed seed, write them as a header-less CSV
    (4 features + integer label), and draw theta_0.  netdyn keeps a user file's
    row order (no --shuffle), so `--train 120` trains on the first 120 rows
    here too.  Returns (csv path, theta0 path, x_train, y_train, theta0)."""
    rng = np.random.default_rng(seed)
    rows = read_iris(iris_path)
    order = rng.permutation(len(rows))
    rows = [rows[i] for i in order]
    csv_path = os.path.join(workdir, "iris-shuffled.csv")
    with open(csv_path, "w", newline="") as f:
        for feats, label in rows:
            f.write(",".join(feats) + f",{label}\n")

    # theta_0: weights N(0,1), biases 0, in netdyn's flat order.
    parts = []
    for shape in SHAPES:
        if len(shape) == 2:
            parts.append(rng.standard_normal(shape).reshape(-1))
        else:
            parts.append(np.zeros(shape))
    theta0 = np.concatenate(parts).astype("<f8")
    assert theta0.shape == (N_PARAMS,)
    theta_path = os.path.join(workdir, "theta0.npy")
    np.save(theta_path, theta0)  # NPY 1.0, little-endian float64

    x = torch.tensor([[float(v) for v in feats] for feats, _ in rows[:N_TRAIN]], dtype=DTYPE)
    y = torch.tensor([label for _, label in rows[:N_TRAIN]], dtype=torch.long)
    return csv_path, theta_path, x, y, theta0


# --------------------------------------------------------------------------
# netdyn
# --------------------------------------------------------------------------

def run_netdyn(netdyn, csv_path, theta_path, output, loss, eta, steps, out_dir,
               data_args=None, n_params=N_PARAMS, optimizer=None):
    """One netdyn run; returns (losses [T+1], params [T+1, P], summary, wall s).
    The wall time includes JVM start-up; summary["seconds"] is netdyn's own
    measure of the training run.  data_args replaces the Iris CSV's data and
    network options (the MNIST case)."""
    if data_args is None:
        data_args = ["--data", f"csv:{csv_path}", "--train", str(N_TRAIN)]
    cmd = [netdyn, "train", *data_args,
           "--init-from", theta_path, "--output", output, "--loss", loss,
           "--lr", repr(eta), "--steps", str(steps), "--record-every", "1",
           "--out", out_dir, "--json"] + (["--optimizer", optimizer] if optimizer else [])
    log("  $ " + " ".join(cmd))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"netdyn failed ({proc.returncode}):\n{proc.stderr}")
    summary = json.loads(proc.stdout)
    losses = np.load(os.path.join(out_dir, "loss.npy"))
    params = np.load(os.path.join(out_dir, "params.npy"))
    if summary.get("status") != "ok":
        raise RuntimeError(f"netdyn run did not finish: {summary}")
    params = params[:, :n_params]  # theta only: an optimizer's state (momentum, moments) follows it
    if losses.shape != (steps + 1,) or params.shape != (steps + 1, n_params):
        raise RuntimeError(f"unexpected shapes: loss {losses.shape}, params {params.shape}")
    return losses, params, summary, wall


def ensure_built(netdyn):
    """The launcher builds the jar on first use; do that outside the timed runs."""
    subprocess.run([netdyn, "train", "--help"], capture_output=True, check=True)


# --------------------------------------------------------------------------
# PyTorch
# --------------------------------------------------------------------------

class IrisNet(torch.nn.Module):
    # Explicit parameters rather than nn.Linear so the layout is x W (not x W^T)
    # and matches netdyn's flat theta one-to-one (as in baseline.py).
    def __init__(self, theta0):
        super().__init__()
        flat = torch.tensor(theta0, dtype=DTYPE)
        tensors, i = [], 0
        for s in SHAPES:
            k = math.prod(s)
            tensors.append(flat[i:i + k].reshape(s).clone())
            i += k
        self.W1, self.b1, self.W2, self.b2 = (torch.nn.Parameter(t) for t in tensors)

    def forward(self, x):
        h = torch.sigmoid(x @ self.W1 + self.b1)
        return h @ self.W2 + self.b2

    def flat(self):
        return torch.cat([p.detach().reshape(-1) for p in
                          (self.W1, self.b1, self.W2, self.b2)])


def make_loss(output, loss, y):
    """The loss as a function of the logits z [120, 3]."""
    if (output, loss) == ("softmax", "ce"):
        return lambda z: F.cross_entropy(z, y)  # mean over samples
    if (output, loss) == ("linear", "mse"):
        onehot = F.one_hot(y, N_OUT).to(DTYPE)
        return lambda z: 0.5 * ((z - onehot) ** 2).sum() / z.shape[0]

    if (output, loss) == ("sigmoid-normalized", "ce"):
        def sigmoid_normalized_ce(z):
            s = torch.sigmoid(z)
            p = s / s.sum(dim=1, keepdim=True)
            return -torch.log(p.gather(1, y.unsqueeze(1))).mean()
        return sigmoid_normalized_ce
    raise ValueError(f"no PyTorch loss for --output {output} --loss {loss}")


def run_torch(x, y, theta0, output, loss, eta, steps, net=None, optimizer=None):
    """T steps of plain SGD (no momentum, no weight decay) with the usual
    zero_grad / backward / step loop.  Returns (losses [T+1], params [T+1, P],
    wall s).  losses[t] = L(theta_t), the loss evaluated at the parameters
    before step t, and losses[T] is one extra forward pass at theta_T, which is
    netdyn's loss.npy convention.  net defaults to the Iris network at theta0;
    any module with flat() in netdyn's order will do."""
    if net is None:
        net = IrisNet(theta0)
    opt = torch_optimizer(net.parameters(), eta, optimizer)
    loss_fn = make_loss(output, loss, y)
    losses = torch.empty(steps + 1, dtype=DTYPE)
    params = torch.empty(steps + 1, theta0.size, dtype=DTYPE)
    t0 = time.perf_counter()
    for t in range(steps):
        params[t] = net.flat()
        opt.zero_grad()
        L = loss_fn(net(x))
        L.backward()
        losses[t] = L.detach()
        opt.step()
    params[steps] = net.flat()
    with torch.no_grad():
        losses[steps] = loss_fn(net(x))
    wall = time.perf_counter() - t0
    return losses.numpy(), params.numpy(), wall


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------

def compare(nd_loss, nd_params, pt_loss, pt_params, chaotic):
    """Step-by-step differences of two orbits: relative loss difference and
    max_i |theta_i| difference at every t, their maxima over t, and the final
    step (plus the separation analysis for a chaotic run)."""
    rel = np.abs(nd_loss - pt_loss) / np.abs(pt_loss)
    dtheta = np.abs(nd_params - pt_params).max(axis=1)  # max_i |dtheta_i(t)|, per t
    res = {
        "max_rel_loss_diff": float(rel.max()),
        "argmax_rel_loss_diff": int(rel.argmax()),
        "max_abs_theta_diff": float(dtheta.max()),
        "argmax_abs_theta_diff": int(dtheta.argmax()),
        "final_rel_loss_diff": float(rel[-1]),
        "final_abs_theta_diff": float(dtheta[-1]),
        "first_step_theta_differs": int(np.argmax(dtheta != 0)) if (dtheta != 0).any() else None,
        "final_loss_netdyn": float(nd_loss[-1]),
        "final_loss_torch": float(pt_loss[-1]),
        "max_abs_theta": float(np.abs(pt_params).max()),
    }
    if chaotic:
        res.update(separation(dtheta))
    return res


def separation(dtheta):
    """Growth of max|dtheta| in the chaotic run: the first step at which it
    exceeds SEPARATION, and the least-squares slope of ln max|dtheta| against t
    from the first time it reaches FIT_LO to the last time before it first
    reaches FIT_HI (where the two orbits stop being close)."""
    above = np.nonzero(dtheta > SEPARATION)[0]
    first_sep = int(above[0]) if above.size else None
    lo = np.nonzero(dtheta >= FIT_LO)[0]
    hi = np.nonzero(dtheta >= FIT_HI)[0]
    out = {"separation_threshold": SEPARATION, "first_step_above_threshold": first_sep,
           "fit_window": [FIT_LO, FIT_HI]}
    if lo.size == 0:
        return out
    t_start = int(lo[0])
    t_end = int(hi[0]) - 1 if hi.size else len(dtheta) - 1
    t = np.arange(t_start, t_end + 1)
    ok = dtheta[t] > 0
    t = t[ok]
    if t.size >= 3:
        slope, intercept = np.polyfit(t, np.log(dtheta[t]), 1)
        out.update({"fit_steps": [int(t[0]), int(t[-1])], "growth_rate_per_step": float(slope),
                    "fit_intercept": float(intercept)})
    return out


def chaos_control(x, y, theta0, output, loss, eta, steps, pt_params, optimizer=None):
    """Reference for the chaotic variant: PyTorch against itself, started from
    theta_0 with every nonzero component moved up by one ulp.  If netdyn's
    separation from PyTorch starts and grows like this, the difference between
    the two is rounding amplified by the dynamics, not a different map.
    (All components are nudged because a single one-ulp change can be rounded
    away by the first update and never grow.)"""
    nudged = np.where(theta0 != 0, np.nextafter(theta0, np.inf), 0.0)
    _, p1, _ = run_torch(x, y, nudged, output, loss, eta, steps, optimizer=optimizer)
    return separation(np.abs(p1 - pt_params).max(axis=1))


def fmt(v):
    return "-" if v is None else f"{v:.2e}"


def print_table(results, timing):
    print(f"netdyn vs torch {torch.__version__}, float64, {N_TRAIN} training samples, "
          f"{N_IN}-{N_HID}-{N_OUT} net ({N_PARAMS} params)")
    head = (f"{'':2} {'variant':<26} {'eta':>5} {'T':>5} {'max_t relL':>11} "
            f"{'max_t |dth|':>11} {'final relL':>11} {'final |dth|':>11} {'final loss':>11}")
    print(head)
    print("-" * len(head))
    for r in results:
        c = r["comparison"]
        print(f"{r['variant']:2} {r['description']:<26} {r['eta']:>5g} {r['steps']:>5} "
              f"{fmt(c['max_rel_loss_diff']):>11} {fmt(c['max_abs_theta_diff']):>11} "
              f"{fmt(c['final_rel_loss_diff']):>11} {fmt(c['final_abs_theta_diff']):>11} "
              f"{c['final_loss_torch']:>11.6f}")
    for r in results:
        c = r["comparison"]
        if "first_step_above_threshold" in c:
            print(f"\nvariant {r['variant']} (chaotic): max|dtheta| first > {SEPARATION:g} at step "
                  f"{c['first_step_above_threshold']}; ln max|dtheta| grows by "
                  f"{c.get('growth_rate_per_step', float('nan')):.3f} per step "
                  f"(fit over steps {c.get('fit_steps')}, |dtheta| in [{FIT_LO:g}, {FIT_HI:g}))")
            k = c.get("control_torch_vs_torch_1ulp")
            if k:
                print(f"  control, torch vs torch from theta_0 + 1 ulp: first > {SEPARATION:g} at step "
                      f"{k['first_step_above_threshold']}, growth "
                      f"{k.get('growth_rate_per_step', float('nan')):.3f} per step "
                      f"(fit over steps {k.get('fit_steps')})")
    if timing:
        print(f"\nwall time, variant {timing['variant']} ({timing['steps']} steps, every step recorded): "
              f"netdyn {timing['netdyn_wall_s']:.3f} s including JVM start "
              f"({timing['netdyn_reported_s']:.3f} s by its summary), "
              f"PyTorch loop {timing['torch_wall_s']:.3f} s "
              f"({timing['torch_wall_s'] / timing['steps'] * 1e6:.0f} us/step, "
              f"{torch.get_num_threads()} thread(s))")


# --------------------------------------------------------------------------
# --case mnist: the follow-up study's 784-64-10 tanh network on IDX files
# --------------------------------------------------------------------------

MNIST_SIDE = 28  # images are 28 x 28 unsigned bytes, as in MNIST


def write_idx(path, dtype_code, array):
    """An IDX file (LeCun et al.): magic 0x0000TTRR (type, rank), big-endian
    int32 dimensions, then the unsigned bytes row-major."""
    with open(path, "wb") as f:
        f.write(struct.pack(">I", (dtype_code << 8) | array.ndim))
        f.write(struct.pack(f">{array.ndim}I", *array.shape))
        f.write(np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def write_mnist_inputs(workdir, n, seed):
    """Random MNIST-shaped data as IDX files, and theta_0 as NPY.

    n images of 28 x 28 bytes uniform in 0..255 and labels uniform in 0..9
    (all ten must occur: netdyn numbers the classes it sees, and the output
    layer's width is their count).  netdyn's IdxLoader turns byte k into
    k * (1.0 / 255), a product with the double nearest 1/255, so the PyTorch
    features are that same product, not k / 255.  Returns (IDX prefix, theta0
    path, x, y, theta0, number of bytes k in 0..255 whose k * (1/255) differs
    from k / 255)."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, MNIST_SIDE, MNIST_SIDE), dtype=np.uint8)
    labels = rng.integers(0, mnist.N_OUT, size=n, dtype=np.uint8)
    missing = set(range(mnist.N_OUT)) - set(labels.tolist())
    if missing:
        raise SystemExit(f"crosscheck: --mnist-n {n} leaves class(es) {sorted(missing)} without a sample; "
                         f"use a larger --mnist-n or another --seed")
    prefix = os.path.join(workdir, "mnist-random")
    write_idx(prefix + "-images-idx3-ubyte", 0x08, images)
    write_idx(prefix + "-labels-idx1-ubyte", 0x08, labels)

    parts = []
    for shape in mnist.SHAPES:
        if len(shape) == 2:
            parts.append(rng.standard_normal(shape).reshape(-1))
        else:
            parts.append(np.zeros(shape))
    theta0 = np.concatenate(parts).astype("<f8")
    assert theta0.shape == (mnist.N_PARAMS,)
    theta_path = os.path.join(workdir, "theta0.npy")
    np.save(theta_path, theta0)

    k = np.arange(256, dtype=np.float64)
    quotient_differs = int(np.count_nonzero(k * (1.0 / 255) != k / 255))
    x = torch.from_numpy(images.reshape(n, -1).astype(np.float64) * (1.0 / 255))
    y = torch.from_numpy(labels.astype(np.int64))
    return prefix, theta_path, x, y, theta0, quotient_differs


def main_mnist(args, workdir):
    n, steps, eta = args.mnist_n, args.mnist_steps, args.mnist_lr
    prefix, theta_path, x, y, theta0, quotient_differs = write_mnist_inputs(workdir, n, args.seed)
    log(f"inputs in {workdir}: {n} random 28x28 images + labels as IDX (seed {args.seed}), "
        f"theta0 ({mnist.N_PARAMS} values); k*(1/255) != k/255 for {quotient_differs} of 256 bytes")
    ensure_built(args.netdyn)
    out_dir = os.path.join(workdir, "run-mnist")
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)  # only ever our own run directory
    data_args = ["--data", f"idx:{prefix}", "--train", str(n), "--hidden", str(mnist.N_HID),
                 "--activation", "tanh"]
    log(f"case mnist: {mnist.N_IN}-{mnist.N_HID}-{mnist.N_OUT} tanh, softmax CE, eta={eta:g}, T={steps}")
    nd_loss, nd_params, summary, nd_wall = run_netdyn(
        args.netdyn, None, theta_path, "softmax", "ce", eta, steps, out_dir,
        data_args=data_args, n_params=mnist.N_PARAMS)
    net = mnist.MnistNet(torch.from_numpy(theta0))
    pt_loss, pt_params, pt_wall = run_torch(x, y, theta0, "softmax", "ce", eta, steps, net=net)
    assert np.array_equal(nd_params[0], theta0) and np.array_equal(pt_params[0], theta0)
    comp = compare(nd_loss, nd_params, pt_loss, pt_params, chaotic=False)
    log(f"  max rel loss diff {comp['max_rel_loss_diff']:.2e}, max |dtheta| {comp['max_abs_theta_diff']:.2e}; "
        f"netdyn {nd_wall:.1f} s, torch {pt_wall:.1f} s")
    failed = not comp["max_rel_loss_diff"] <= args.mnist_tolerance
    record = {
        "case": "mnist", "network": f"{mnist.N_IN}-{mnist.N_HID}-{mnist.N_OUT}", "activation": "tanh",
        "output": "softmax", "loss": "ce", "samples": n, "eta": eta, "steps": steps,
        "bytes_where_product_differs_from_quotient": quotient_differs,
        "netdyn_wall_s": nd_wall, "netdyn_reported_s": summary.get("seconds"), "torch_wall_s": pt_wall,
        "comparison": comp,
    }
    if args.json:
        print(json.dumps({
            "torch_version": torch.__version__,
            "numpy_version": np.__version__,
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "seed": args.seed,
            "tolerance": args.mnist_tolerance,
            "failed": ["mnist"] if failed else [],
            "results": [record],
        }, indent=2))
    else:
        c = comp
        print(f"netdyn vs torch {torch.__version__}, float64, {n} samples (random 28x28 bytes as IDX), "
              f"{mnist.N_IN}-{mnist.N_HID}-{mnist.N_OUT} tanh net ({mnist.N_PARAMS} params), "
              f"softmax CE, eta = {eta:g}, T = {steps}")
        print(f"max_t rel dL {fmt(c['max_rel_loss_diff'])} (step {c['argmax_rel_loss_diff']}), "
              f"max_t max|dtheta| {fmt(c['max_abs_theta_diff'])}, final rel dL {fmt(c['final_rel_loss_diff'])}, "
              f"final max|dtheta| {fmt(c['final_abs_theta_diff'])}; loss {pt_loss[0]:.6f} -> {pt_loss[-1]:.6f}, "
              f"max|theta| {c['max_abs_theta']:.3f}")
        print(f"wall time: netdyn {nd_wall:.1f} s including JVM start ({summary.get('seconds', float('nan')):.1f} s "
              f"by its summary), PyTorch loop {pt_wall:.1f} s ({torch.get_num_threads()} thread(s))")
        if failed:
            print(f"\nDISAGREEMENT above {args.mnist_tolerance:g} relative in the loss series")
    return 1 if failed else 0


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Cross-check netdyn's GD orbits against PyTorch float64 on identical inputs.")
    p.add_argument("--case", choices=("iris", "mnist"), default="iris",
                   help="iris: the 4-10-3 variants (default); mnist: the 784-64-10 tanh network on "
                        "random MNIST-shaped IDX data")
    p.add_argument("--variants", default=",".join(VARIANTS),
                   help="comma-separated subset of a,b,c,d (default: all)")
    p.add_argument("--seed", type=int, default=2024,
                   help="numpy seed for the row shuffle and theta_0 (default 2024)")
    p.add_argument("--threads", type=int, default=1,
                   help="torch.set_num_threads (default 1)")
    p.add_argument("--netdyn", default=DEFAULT_NETDYN, help="path to the netdyn launcher")
    p.add_argument("--iris", default=DEFAULT_IRIS, help="path to iris.csv")
    p.add_argument("--keep", metavar="DIR",
                   help="write the CSV, theta0.npy and netdyn run directories here and keep "
                        "them (default: a temporary directory, removed afterwards)")
    p.add_argument("--tolerance", type=float, default=1e-10,
                   help="max relative loss difference allowed in non-chaotic variants "
                        "before the exit status is 1 (default 1e-10)")
    p.add_argument("--mnist-n", type=int, default=2000,
                   help="--case mnist: training samples (default 2000)")
    p.add_argument("--mnist-steps", type=int, default=50,
                   help="--case mnist: GD steps T (default 50)")
    p.add_argument("--mnist-lr", type=float, default=0.1,
                   help="--case mnist: learning rate (default 0.1)")
    p.add_argument("--mnist-tolerance", type=float, default=1e-13,
                   help="--case mnist: max relative loss difference before the exit status is 1 "
                        "(default 1e-13)")
    p.add_argument("--json", action="store_true", help="print results as JSON")
    args = p.parse_args(argv)
    args.variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    bad = [v for v in args.variants if v not in VARIANTS]
    if bad:
        p.error(f"unknown variant(s): {bad}")
    return args


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    if args.keep:
        workdir = os.path.abspath(args.keep)
        os.makedirs(workdir, exist_ok=True)
    else:
        workdir = tempfile.mkdtemp(prefix="netdyn-crosscheck-")
    try:
        if args.case == "mnist":
            return main_mnist(args, workdir)
        csv_path, theta_path, x, y, theta0 = write_inputs(args.iris, workdir, args.seed)
        log(f"inputs in {workdir}: shuffled Iris (seed {args.seed}), theta0 ({N_PARAMS} values)")
        ensure_built(args.netdyn)

        results, timing = [], None
        for v in args.variants:
            output, loss, eta, steps, chaotic, desc = VARIANTS[v][:6]
            optimizer = VARIANTS[v][6] if len(VARIANTS[v]) > 6 else None
            log(f"variant {v}: {desc}, T={steps}")
            out_dir = os.path.join(workdir, f"run-{v}")
            if os.path.exists(out_dir):
                shutil.rmtree(out_dir)  # only ever our own run directory
            nd_loss, nd_params, summary, nd_wall = run_netdyn(
                args.netdyn, csv_path, theta_path, output, loss, eta, steps, out_dir, optimizer=optimizer)
            pt_loss, pt_params, pt_wall = run_torch(x, y, theta0, output, loss, eta, steps,
                                                    optimizer=optimizer)
            # Both orbits must start from the same theta_0, bit for bit.
            assert np.array_equal(nd_params[0], theta0) and np.array_equal(pt_params[0], theta0)
            comp = compare(nd_loss, nd_params, pt_loss, pt_params, chaotic)
            if chaotic:
                comp["control_torch_vs_torch_1ulp"] = chaos_control(
                    x, y, theta0, output, loss, eta, steps, pt_params, optimizer)
            log(f"  max rel loss diff {comp['max_rel_loss_diff']:.2e}, "
                f"max |dtheta| {comp['max_abs_theta_diff']:.2e}; "
                f"netdyn {nd_wall:.2f} s, torch {pt_wall:.2f} s")
            results.append({
                "variant": v, "description": desc, "output": output, "loss": loss,
                "eta": eta, "steps": steps, "chaotic": chaotic,
                "netdyn_wall_s": nd_wall, "netdyn_reported_s": summary.get("seconds"),
                "torch_wall_s": pt_wall, "comparison": comp,
            })
            if v == "a":
                timing = {"variant": v, "steps": steps, "netdyn_wall_s": nd_wall,
                          "netdyn_reported_s": summary.get("seconds"), "torch_wall_s": pt_wall}
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    failed = [r["variant"] for r in results
              if not r["chaotic"] and not r["comparison"]["max_rel_loss_diff"] <= args.tolerance]
    if args.json:
        print(json.dumps({
            "torch_version": torch.__version__,
            "numpy_version": np.__version__,
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "seed": args.seed,
            "tolerance": args.tolerance,
            "failed": failed,
            "results": results,
            "timing": timing,
        }, indent=2))
    else:
        print_table(results, timing)
        if failed:
            print(f"\nDISAGREEMENT above {args.tolerance:g} relative in variant(s): {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
