"""MNIST-size forms of the PyTorch baseline (imported by baseline.py).

The follow-up study's network, float64 throughout:

    x[N x 784] -> a = x W1 + b1 -> h = tanh(a) -> z = h W2 + b2
               -> L = mean softmax cross-entropy over the N samples (integer labels)
               -> theta <- theta - eta grad L          (full batch, eta = 0.01)

784-64-10, P = 784*64 + 64 + 64*10 + 10 = 50 890 parameters, flat in netdyn's
order: W1 [784][64] row-major, b1[64], W2 [64][10] row-major, b2[10].
Weights N(0, 1), biases 0.

Data: N = 10 000 rows (--mnist-n) of 784 features uniform in [0, 1) and labels
uniform in 0..9, from a seeded torch.Generator; the cost of a full-batch step
does not depend on the values.

Forms (all eta = 0.01):

  mnist-step      one network as an nn.Module with torch.optim.SGD, the usual
                  zero_grad / backward / step loop.  ms per step.
  mnist-ensemble  the follow-up's reference network and its 5 replicas
                  (weights perturbed by U(-1e-8, 1e-8)), six independent
                  nn.Module + SGD pairs stepped one after the other in a
                  Python loop.  ms per model-step (a step of all six / 6).
  mnist-lyap10    one step of the top-10 Lyapunov exponents: gradient with
                  create_graph=True, then 10 Hessian-vector products by double
                  backward (autograd.grad of g . q_i, retain_graph=True),
                  Q <- Q - eta H Q for the 50 890 x 10 frame, torch.linalg.qr,
                  ln|R_ii| accumulated, and the GD step theta <- theta - eta g.
                  ms per step.
"""

import math

import torch
import torch.nn.functional as F

N_IN, N_HID, N_OUT = 784, 64, 10
SHAPES = [(N_IN, N_HID), (N_HID,), (N_HID, N_OUT), (N_OUT,)]
N_PARAMS = sum(math.prod(s) for s in SHAPES)  # 50 890
assert N_PARAMS == 50890
DTYPE = torch.float64

DEFAULT_N = 10000
ETA = 0.01
REPLICAS = 6          # reference + 5 perturbed replicas
REPLICA_EPS = 1e-8    # U(-eps, eps) on the weights, as netdyn's divergence command
LYAP_K = 10

FORMS = ("mnist-step", "mnist-ensemble", "mnist-lyap10")


def make_data(n, seed):
    """n rows of 784 features uniform in [0, 1) and labels uniform in 0..9."""
    gen = torch.Generator().manual_seed(seed)
    x = torch.rand(n, N_IN, generator=gen, dtype=DTYPE)
    y = torch.randint(0, N_OUT, (n,), generator=gen)
    return x, y


def init_theta(seed):
    """Flat theta_0 in netdyn's order: weights N(0, 1), biases 0."""
    gen = torch.Generator().manual_seed(seed)
    parts = []
    for s in SHAPES:
        if len(s) == 2:
            parts.append(torch.randn(*s, generator=gen, dtype=DTYPE).reshape(-1))
        else:
            parts.append(torch.zeros(*s, dtype=DTYPE))
    return torch.cat(parts)


def unflatten(theta):
    """Views of the flat theta as (W1, b1, W2, b2)."""
    out, i = [], 0
    for s in SHAPES:
        k = math.prod(s)
        out.append(theta[i:i + k].view(s))
        i += k
    return out


def weight_mask():
    """1 on the weights, 0 on the biases (replicas are perturbed on the weights only)."""
    return torch.cat([torch.full((math.prod(s),), 1.0 if len(s) == 2 else 0.0, dtype=DTYPE)
                      for s in SHAPES])


def flat_loss(theta, x, y):
    w1, b1, w2, b2 = unflatten(theta)
    h = torch.tanh(x @ w1 + b1)
    return F.cross_entropy(h @ w2 + b2, y)  # mean over samples


class MnistNet(torch.nn.Module):
    # Explicit parameters rather than nn.Linear so the layout is x W (not x W^T)
    # and matches netdyn's flat theta one-to-one.
    def __init__(self, theta0):
        super().__init__()
        self.W1, self.b1, self.W2, self.b2 = (
            torch.nn.Parameter(t.clone()) for t in unflatten(theta0))

    def forward(self, x):
        h = torch.tanh(x @ self.W1 + self.b1)
        return h @ self.W2 + self.b2

    def flat(self):
        return torch.cat([p.detach().reshape(-1) for p in (self.W1, self.b1, self.W2, self.b2)])


def sgd_step(net, opt, x, y):
    opt.zero_grad()
    loss = F.cross_entropy(net(x), y)
    loss.backward()
    opt.step()
    return loss


class StepForm:
    def __init__(self, x, y, theta0, eta=ETA):
        self.x, self.y = x, y
        self.net = MnistNet(theta0)
        self.opt = torch.optim.SGD(self.net.parameters(), lr=eta)
        self.trajectories = 1

    def step(self, n):
        x, y, net, opt = self.x, self.y, self.net, self.opt
        for _ in range(n):
            sgd_step(net, opt, x, y)


def replica_thetas(theta0, replicas, seed):
    """theta_0 and replicas - 1 copies with every weight moved by U(-eps, eps)."""
    gen = torch.Generator().manual_seed(seed)
    mask = weight_mask()
    out = [theta0.clone()]
    for _ in range(replicas - 1):
        u = torch.rand(N_PARAMS, generator=gen, dtype=DTYPE) * 2 - 1
        out.append(theta0 + REPLICA_EPS * u * mask)
    return out


class EnsembleForm:
    def __init__(self, x, y, theta0, seed, replicas=REPLICAS, eta=ETA):
        self.x, self.y = x, y
        self.nets = [MnistNet(t) for t in replica_thetas(theta0, replicas, seed)]
        self.opts = [torch.optim.SGD(n.parameters(), lr=eta) for n in self.nets]
        self.trajectories = replicas  # timings are reported per model-step

    def step(self, n):
        x, y = self.x, self.y
        pairs = list(zip(self.nets, self.opts))
        for _ in range(n):
            for net, opt in pairs:
                sgd_step(net, opt, x, y)


def hvp_block(loss_fn, theta, q):
    """(gradient, H q) at theta for the [P, k] block q: one backward with
    create_graph=True, then one double backward per column."""
    t = theta.detach().requires_grad_()
    (g,) = torch.autograd.grad(loss_fn(t), t, create_graph=True)
    cols = [torch.autograd.grad(g @ q[:, i], t, retain_graph=True)[0] for i in range(q.shape[1])]
    return g.detach(), torch.stack(cols, dim=1)


class Lyap10Form:
    def __init__(self, x, y, theta0, seed, k=LYAP_K, eta=ETA):
        self.x, self.y = x, y
        self.theta = theta0.clone()
        gen = torch.Generator().manual_seed(seed)
        q0 = torch.randn(N_PARAMS, k, generator=gen, dtype=DTYPE)
        self.q = torch.linalg.qr(q0).Q
        self.log_r = torch.zeros(k, dtype=DTYPE)  # running sum of ln|R_ii|
        self.eta = eta
        self.trajectories = 1
        self.steps_done = 0

    def _loss(self, theta):
        return flat_loss(theta, self.x, self.y)

    def step(self, n):
        eta = self.eta
        for _ in range(n):
            # The GD map's Jacobian at theta_t is I - eta H(theta_t); the frame
            # is pushed through it before theta moves on.
            g, hq = hvp_block(self._loss, self.theta, self.q)
            q, r = torch.linalg.qr(self.q - eta * hq)
            self.q = q
            self.log_r += torch.log(torch.abs(torch.diagonal(r)))
            self.theta = self.theta - eta * g
            self.steps_done += 1

    def exponents(self):
        """Finite-time exponents so far, per step (QR order: largest first)."""
        return self.log_r / max(self.steps_done, 1)


def make_form(name, n, seed):
    x, y = make_data(n, seed)
    theta0 = init_theta(seed + 1)
    if name == "mnist-step":
        return StepForm(x, y, theta0)
    if name == "mnist-ensemble":
        return EnsembleForm(x, y, theta0, seed + 2)
    if name == "mnist-lyap10":
        return Lyap10Form(x, y, theta0, seed + 3)
    raise ValueError(name)


def check(n, seed, log):
    """The three forms compute what they claim: the HVPs agree with central
    differences of the gradient, the ensemble's models are independent (each
    equals the same model stepped alone), and the flat-theta GD step of
    mnist-lyap10 equals the nn.Module + SGD step of mnist-step."""
    x, y = make_data(n, seed)
    theta0 = init_theta(seed + 1)

    def loss_fn(t):
        return flat_loss(t, x, y)

    def grad_at(t):
        t = t.detach().requires_grad_()
        return torch.autograd.grad(loss_fn(t), t)[0]

    # 1. HVP against a central difference of the gradient along q_i.  The
    # directions are unit vectors; eps balances truncation (eps^2 * third
    # derivative) against the gradient's rounding (1e-16 |g| / eps).
    gen = torch.Generator().manual_seed(seed + 4)
    q = torch.linalg.qr(torch.randn(N_PARAMS, 3, generator=gen, dtype=DTYPE)).Q
    g, hq = hvp_block(loss_fn, theta0, q)
    eps, worst = 1e-5, 0.0
    for i in range(q.shape[1]):
        fd = (grad_at(theta0 + eps * q[:, i]) - grad_at(theta0 - eps * q[:, i])) / (2 * eps)
        worst = max(worst, ((fd - hq[:, i]).norm() / hq[:, i].norm()).item())
    sym = (q.T @ hq - (q.T @ hq).T).abs().max().item() / (q.T @ hq).abs().max().item()
    log(f"check: mnist HVP vs central difference (eps {eps:g}), max ||Hq - fd|| / ||Hq|| = {worst:.2e}; "
        f"Q^T H Q asymmetry {sym:.2e} relative")
    assert worst < 1e-6 and sym < 1e-10, "Hessian-vector products disagree with finite differences"

    # 2. Ensemble independence: after a few steps each of the six models is
    # bit for bit the model stepped alone from the same theta_0.
    steps = 3
    ens = EnsembleForm(x, y, theta0, seed + 2)
    starts = [net.flat() for net in ens.nets]
    ens.step(steps)
    worst_ens, spread = 0.0, 0.0
    for net, t0 in zip(ens.nets, starts):
        alone = StepForm(x, y, t0)
        alone.step(steps)
        worst_ens = max(worst_ens, (alone.net.flat() - net.flat()).abs().max().item())
        spread = max(spread, (net.flat() - ens.nets[0].flat()).abs().max().item())
    log(f"check: mnist ensemble of {len(ens.nets)} after {steps} steps: max |model - model alone| = "
        f"{worst_ens:.2e}; max |replica - reference| = {spread:.2e} (perturbation {REPLICA_EPS:g})")
    assert worst_ens == 0.0, "ensemble models are not independent"
    assert 0.0 < spread < 1e-6, "replicas are not small perturbations of the reference"

    # 3. The Lyapunov form's GD step is the nn.Module + SGD step.
    ly = Lyap10Form(x, y, theta0, seed + 3)
    ly.step(2)
    st = StepForm(x, y, theta0)
    st.step(2)
    d = (ly.theta - st.net.flat()).abs().max().item()
    orth = (ly.q.T @ ly.q - torch.eye(LYAP_K, dtype=DTYPE)).abs().max().item()
    log(f"check: mnist-lyap10 orbit vs mnist-step after 2 steps: max |dtheta| = {d:.2e}; "
        f"frame |Q^T Q - I| = {orth:.2e}; exponents after 2 steps "
        f"{ly.exponents()[0].item():+.3e} .. {ly.exponents()[-1].item():+.3e} per step")
    assert d < 1e-12 and orth < 1e-12
