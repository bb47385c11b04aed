#!/usr/bin/env python3
"""The Python side of bench/unet-step.sh: per-step time of a traced SD-shaped UNet in Python torch.

Usage: bench_unet.py export OUT_DIR     writes OUT_DIR/unet.pt (random weights, SD 1.5's block layout at reduced
                                        width, traced as tools/export_model.py traces) and OUT_DIR/inputs.npz
       bench_unet.py time OUT_DIR STEPS THREADS
                                        times STEPS calls of OUT_DIR/unet.pt on those inputs with THREADS intra-op
                                        threads after a warm-up, and prints one line per step: milliseconds
Versions as in tools/export_model.py's header. The Java side (UnetStepBenchmark) runs the same file on the same
inputs through DJL and calls this script between its own rounds, so both share the machine's load alike.
"""
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).parent))
from export_model import UnetPart, trace  # noqa: E402

LATENT, BATCH, TOKENS, HIDDEN, WARM_UP = 16, 2, 77, 768, 3


def export(out: Path):
    from diffusers import UNet2DConditionModel
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    unet = UNet2DConditionModel(sample_size=LATENT, block_out_channels=(32, 64, 128, 128), layers_per_block=2,
                                cross_attention_dim=HIDDEN, attention_head_dim=8).eval()
    sample = torch.randn(BATCH, 4, LATENT, LATENT)
    timestep = torch.tensor([500.0])
    context = torch.randn(BATCH, TOKENS, HIDDEN)
    trace(UnetPart(unet), (sample, timestep, context)).save(str(out / "unet.pt"))
    np.savez(out / "inputs.npz", sample=sample.numpy(), timestep=timestep.numpy(), context=context.numpy())
    print(f"exported {sum(p.numel() for p in unet.parameters())} parameters to {out / 'unet.pt'}")


def timed(out: Path, steps: int, threads: int):
    torch.set_num_threads(threads)
    inputs = np.load(out / "inputs.npz")
    sample, timestep, context = (torch.from_numpy(inputs[k]) for k in ("sample", "timestep", "context"))
    model = torch.jit.load(str(out / "unet.pt")).eval()
    with torch.no_grad():
        for _ in range(WARM_UP):  # the profiling executor settles on its graph, as DJL's first calls do
            model(sample, timestep, context)
        for _ in range(steps):
            start = time.perf_counter()
            model(sample, timestep, context)
            print(f"{(time.perf_counter() - start) * 1000:.3f}")
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(Path(sys.argv[2]))
    else:
        timed(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
