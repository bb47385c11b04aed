#!/usr/bin/python3
"""Writes the tiny TorchScript test models used by TorchScriptGeneratorTest.

Run with Debian's torch (apt-get install python3-torch, torch 1.13), from anywhere:

    /usr/bin/python3 src/test/resources/models/tiny/make_model.py

It writes, next to this script, model.pt and manifest.json: a 64x64 model following the
contract in docs/torchscript-models.md (inputs noise [B,3,H,W], t [B], prompt [B,64];
output [B,3,H,W] in 0..1). It also writes ../halving/, the same model followed by a 2x2
average pool, so its output (B,3,32,32) breaks the promise of its manifest (64x64); the
tests use it to check the shape error. Weights come from a fixed seed, so reruns produce
the same numbers.
"""
import json
import os

import torch
from torch import nn


class Tiny(nn.Module):
    """A 3x3 convolution over the noise, nudged by the time and a linear map of the prompt."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, kernel_size=3, padding=1)
        self.prompt = nn.Linear(64, 3)
        self.time = nn.Parameter(torch.tensor([1.5, -1.0, 0.5]))

    def forward(self, noise: torch.Tensor, t: torch.Tensor, prompt: torch.Tensor) -> torch.Tensor:
        x = 0.3 * self.conv(noise)
        x = x + self.prompt(prompt)[:, :, None, None]
        x = x + (2.0 * t - 1.0)[:, None, None, None] * self.time[None, :, None, None]
        return torch.sigmoid(x)


class Halving(nn.Module):
    def __init__(self):
        super().__init__()
        self.tiny = Tiny()
        self.pool = nn.AvgPool2d(2)

    def forward(self, noise: torch.Tensor, t: torch.Tensor, prompt: torch.Tensor) -> torch.Tensor:
        return self.pool(self.tiny(noise, t, prompt))


def write(module, directory, manifest):
    os.makedirs(directory, exist_ok=True)
    scripted = torch.jit.script(module.eval())
    scripted.save(os.path.join(directory, "model.pt"))
    with open(os.path.join(directory, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=2)
        out.write("\n")
    # Check the saved file the way the generator will call it.
    loaded = torch.jit.load(os.path.join(directory, "model.pt"))
    b, h, w = 2, manifest["height"], manifest["width"]
    y = loaded(torch.randn(b, 3, h, w), torch.tensor([0.0, 1.0]), torch.zeros(b, 64))
    print(directory, tuple(y.shape), os.path.getsize(os.path.join(directory, "model.pt")), "bytes")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    torch.manual_seed(1234)
    contract = {"inputs": ["noise", "t", "prompt"], "outputs": ["frame"], "width": 64, "height": 64, "frames": 48}
    write(Tiny(), here, {"id": "tiny", "name": "Tiny test model", "version": "1.0", **contract})
    torch.manual_seed(1234)
    write(Halving(), os.path.join(os.path.dirname(here), "halving"),
          {"id": "halving", "name": "Halving test model (wrong output size)", "version": "1.0", **contract})


if __name__ == "__main__":
    main()
