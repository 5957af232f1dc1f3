#!/usr/bin/python3
"""PyTorch reference for `netdyn lyapunov --data iris --lr 1 --steps 2000 --k all`, as a whole process.

The same job as the netdyn command, written the way one would in PyTorch, float64 throughout:
T gradient-descent steps at eta = 1 of the 4-10-3 Iris network (sigmoid hidden layer, softmax
cross-entropy, mean over the 120 training samples) from a seeded N(0, 1) init (biases 0), and
along the orbit the full Lyapunov spectrum by Benettin/QR:

    H   = torch.autograd.functional.hessian(L, theta_t)      (exact, 83 x 83)
    J   = I - eta H                                           (the GD map's Jacobian)
    Q, R = torch.linalg.qr(J Q);  lambda_i += ln|R_ii|
    sum rule: ln|det J| by torch.linalg.slogdet, averaged over the run
    theta_{t+1} = theta_t - eta grad L(theta_t)

The start frame is the Q of a seeded Gaussian 83 x 83 matrix. At the end: the exponents
(descending, per step), their sum against the mean ln|det J|, and with --out the files
exponents.npy (83) and running.npy ([T x 84]: step, running estimate of each exponent after
every step, QR order), as netdyn writes them (netdyn also draws a PNG and runs a twin orbit,
which this script does not: both omissions make the reference faster, not slower).

Time it as a whole process (import torch included), e.g.

    /usr/bin/time -v /usr/bin/python3 bench/pytorch/spectrum_e2e.py --out /tmp/pt

Run with Debian's interpreter (/usr/bin/python3), where apt's python3-torch lives.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import torch

from baseline import DEFAULT_IRIS, DTYPE, N_PARAMS, flat_loss, init_params, load_iris


def parse_args(argv):
    p = argparse.ArgumentParser(description="PyTorch reference: Iris Lyapunov spectrum with the sum rule, end to end.")
    p.add_argument("--steps", type=int, default=2000, help="GD steps, every one a QR step (default 2000)")
    p.add_argument("--lr", type=float, default=1.0, help="learning rate eta (default 1)")
    p.add_argument("--seed", type=int, default=1234, help="seed of the init and of the start frame")
    p.add_argument("--threads", type=int, default=0,
                   help="torch.set_num_threads (default 0: leave torch's default)")
    p.add_argument("--iris", default=DEFAULT_IRIS, help="path to iris.csv")
    p.add_argument("--out", default=None, help="directory for exponents.npy and running.npy")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    return p.parse_args(argv)


def main(argv=None):
    start = time.perf_counter()
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    x, y = load_iris(args.iris)
    gen = torch.Generator().manual_seed(args.seed)
    theta = torch.cat([p.reshape(-1) for p in init_params(gen)])
    q, _ = torch.linalg.qr(torch.randn(N_PARAMS, N_PARAMS, generator=gen, dtype=DTYPE))
    eye = torch.eye(N_PARAMS, dtype=DTYPE)
    eta = args.lr

    def loss(t):
        return flat_loss(t, x, y)

    log_r = torch.zeros(N_PARAMS, dtype=DTYPE)
    log_det_sum = 0.0
    running = np.empty((args.steps, N_PARAMS + 1)) if args.out else None
    for step in range(args.steps):
        hess = torch.autograd.functional.hessian(loss, theta)
        jac = eye - eta * hess
        q, r = torch.linalg.qr(jac @ q)
        log_r += torch.log(torch.abs(torch.diagonal(r)))
        log_det_sum += torch.linalg.slogdet(jac).logabsdet.item()
        if running is not None:
            running[step, 0] = step + 1
            running[step, 1:] = (log_r / (step + 1)).numpy()
        t = theta.detach().requires_grad_()
        (g,) = torch.autograd.grad(loss(t), t)
        theta = theta - eta * g

    exponents = (log_r / args.steps).sort(descending=True).values.numpy()
    spectrum_sum = float(exponents.sum())
    mean_log_det = log_det_sum / args.steps
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        np.save(os.path.join(args.out, "exponents.npy"), exponents)
        np.save(os.path.join(args.out, "running.npy"), running)
    summary = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "steps": args.steps,
        "lr": eta,
        "lambda1": float(exponents[0]),
        "lambdaMin": float(exponents[-1]),
        "spectrumSum": spectrum_sum,
        "meanLogAbsDet": mean_log_det,
        "sumRuleError": abs(spectrum_sum - mean_log_det),
        "secondsInScript": time.perf_counter() - start,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"torch {summary['torch']}, {summary['threads']} threads, {args.steps} steps at eta = {eta}: "
              f"lambda1 {summary['lambda1']:.6g}, lambda83 {summary['lambdaMin']:.6g}; "
              f"sum {spectrum_sum:.10g} vs mean ln|det J| {mean_log_det:.10g} "
              f"(|diff| {summary['sumRuleError']:.2e}); {summary['secondsInScript']:.1f} s in the script")
    return 0


if __name__ == "__main__":
    sys.exit(main())
