#!/usr/bin/env python3
"""Dailies model export tool: writes a Dailies model folder (TorchScript parts, tokenizer.json, manifest.json).

A Dailies model folder is what `data/models/<id>/` holds (docs/studio-models.md). This tool makes one from
  * a diffusers Stable Diffusion 1.x/2.x folder (text_encoder/, tokenizer/, unet/, vae/, scheduler/),
    optionally with an AnimateDiff motion adapter folder (the frames of a take are then denoised together);
  * a frame-interpolation model (Practical-RIFE checkout + checkpoint, or a ready TorchScript module);
and, for the tests, from tiny random-weight versions of those same architectures, together with the
outputs the Python pipeline computes from them (the Java pipeline is compared with these step by step).

Pinned: the committed fixtures were made with exactly these (a local venv, no network):
    Python 3.11.7
    torch 2.13.0+cpu            (traced parts load in DJL 0.36 / libtorch 2.7.1)
    diffusers 0.40.0.dev0       (github.com/huggingface/diffusers @ 58eb52c0803ea9af3abec60841c2a093bdf1f951)
    transformers 5.18.0, tokenizers 0.23.2, huggingface_hub 1.33.0, safetensors 0.8.0, numpy 2.3.5

Commands (see docs/studio-models.md for the step-by-step guide):
    export_model.py diffusers MODEL_DIR OUT_DIR --id ID --name NAME --version V --licence L --source S
                    [--motion-adapter DIR] [--scheduler ddim|euler] [--width 512 --height 512]
                    [--min-frames 1 --max-frames 16]
    export_model.py rife RIFE_REPO CHECKPOINT_DIR OUT_DIR --id ID ... [--width --height]
    export_model.py torchscript-interpolator MODULE.pt OUT_DIR --id ID ... [--width --height]
    export_model.py fixtures MODELS_DIR REFERENCE_DIR        (the tests' tiny models and Python references)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

FORMAT = 1
TOKENS = 77
# Frames of a take made without a motion module start from noise that walks this far (radians) between
# two seeded fields: nearby starting points give related pictures that drift, not animation.
LATENT_WALK = math.pi / 8


# ----------------------------------------------------------------------------------------------------------
# Seeded noise, the same numbers as studio.dailies.generation.diffusion.LatentNoise (SplitMix64 + Box-Muller)
# ----------------------------------------------------------------------------------------------------------

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def gaussians(seed: int, n: int) -> np.ndarray:
    """n standard normal float32 values from the seed: SplitMix64 words, 53-bit uniforms, Box-Muller pairs."""
    pairs = (n + 1) // 2
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(1, 2 * pairs + 1, dtype=np.uint64) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    radius = np.sqrt(-2.0 * np.log(1.0 - u[0::2]))
    angle = 2.0 * math.pi * u[1::2]
    out = np.empty(2 * pairs, dtype=np.float64)
    out[0::2] = radius * np.cos(angle)
    out[1::2] = radius * np.sin(angle)
    return out[:n].astype(np.float32)


def take_noise(seed: int, frames: int, channels: int, h: int, w: int, motion: bool) -> torch.Tensor:
    """A take's starting noise: (1, C, F, h, w) i.i.d. for a motion UNet, else (F, C, h, w) on a latent walk."""
    if motion:
        return torch.from_numpy(gaussians(seed, frames * channels * h * w).reshape(1, channels, frames, h, w))
    fields = gaussians(seed, 2 * channels * h * w).reshape(2, channels, h, w)
    start, end = torch.from_numpy(fields[0]), torch.from_numpy(fields[1])
    out = []
    for f in range(frames):
        theta = 0.0 if frames == 1 else LATENT_WALK * f / (frames - 1)
        out.append(start * np.float32(math.cos(theta)) + end * np.float32(math.sin(theta)))
    return torch.stack(out)


# ----------------------------------------------------------------------------------------------------------
# The parts: each wrapped to return one tensor, then traced (DJL loads TorchScript only)
# ----------------------------------------------------------------------------------------------------------

class TextEncoderPart(nn.Module):
    """input_ids int64 (B, 77) -> per-token hidden states float32 (B, 77, D) (not the pooled output)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids=input_ids, return_dict=False)[0]


class UnetPart(nn.Module):
    """sample, timestep float32 (1,), context (B, 77, D) -> the model's prediction (epsilon or v), sample's shape."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, sample, timestep, context):
        return self.model(sample, timestep, encoder_hidden_states=context, return_dict=False)[0]


class VaeDecoderPart(nn.Module):
    """latents already divided by the scale factor (B, C, h, w) -> image in about -1..1 (B, 3, H, W)."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latents):
        return self.vae.decode(latents, return_dict=False)[0]


class VaeEncoderPart(nn.Module):
    """image in -1..1 (B, 3, H, W) -> the mean of the latent distribution, not yet scaled (B, C, h, w)."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, image):
        return self.vae.encode(image, return_dict=False)[0].mean


def trace(module: nn.Module, example: tuple) -> torch.jit.ScriptModule:
    with torch.no_grad():
        return torch.jit.trace(module.eval(), example, check_trace=False)


def verify(name: str, traced, eager: nn.Module, inputs: tuple, tolerance: float = 1e-5):
    """A traced graph can freeze a shape; refuse to write a part that disagrees with the eager model."""
    with torch.no_grad():
        want = eager(*inputs)
        got = traced(*inputs)
    if got.shape != want.shape:
        sys.exit(f"{name}: traced output shape {tuple(got.shape)} differs from eager {tuple(want.shape)}")
    error = (got - want).abs().max().item()
    if error > tolerance * max(1.0, want.abs().max().item()):
        sys.exit(f"{name}: traced output differs from eager by {error} for inputs {[tuple(i.shape) for i in inputs]}")


def save(traced, path: Path):
    traced.save(str(path))
    reloaded = torch.jit.load(str(path))
    del reloaded


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ----------------------------------------------------------------------------------------------------------
# diffusers folder -> Dailies folder
# ----------------------------------------------------------------------------------------------------------

SCHEDULER_FIELDS = ("num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "prediction_type",
                    "timestep_spacing", "steps_offset")


def scheduler_section(config: dict, kind: str, spacing: str | None = None) -> dict:
    """The scheduler settings the Java schedulers implement, from a diffusers scheduler_config.json."""
    unsupported = {"trained_betas": None, "rescale_betas_zero_snr": False, "thresholding": False,
                   "use_karras_sigmas": False, "use_exponential_sigmas": False, "use_beta_sigmas": False}
    for key, plain in unsupported.items():
        if config.get(key, plain) not in (plain, None, False):
            sys.exit(f"scheduler_config.json: '{key}' = {config[key]!r} is not supported by Dailies' schedulers")
    if config.get("beta_schedule", "linear") not in ("linear", "scaled_linear"):
        sys.exit(f"scheduler_config.json: beta_schedule {config['beta_schedule']!r} is not supported "
                 "(linear, scaled_linear)")
    if config.get("prediction_type", "epsilon") not in ("epsilon", "v_prediction"):
        sys.exit(f"scheduler_config.json: prediction_type {config['prediction_type']!r} is not supported")
    defaults = {"num_train_timesteps": 1000, "beta_start": 0.0001, "beta_end": 0.02, "beta_schedule": "linear",
                "prediction_type": "epsilon", "timestep_spacing": "leading" if kind == "ddim" else "linspace",
                "steps_offset": 0}
    section = {"kind": kind}
    for field in SCHEDULER_FIELDS:
        section[field] = config.get(field, defaults[field])
    if spacing is not None:
        section["timestep_spacing"] = spacing
    if section["timestep_spacing"] not in ("leading", "trailing", "linspace"):
        sys.exit(f"scheduler_config.json: timestep_spacing {section['timestep_spacing']!r} is not supported")
    if kind == "ddim":
        section["set_alpha_to_one"] = bool(config.get("set_alpha_to_one", True))
        if config.get("clip_sample", False):
            print("note: clip_sample is ignored (latent diffusion never clips)", file=sys.stderr)
    return section


def write_tokenizer(tokenizer_dir: Path, out: Path) -> tuple[int, int]:
    """tokenizer.json with padding to 77 with the model's pad token, and truncation, written in the file."""
    from transformers import CLIPTokenizer
    tokenizer = CLIPTokenizer.from_pretrained(str(tokenizer_dir))
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer.save_pretrained(tmp)
        document = json.loads((Path(tmp) / "tokenizer.json").read_text(encoding="utf-8"))
    pad_id = tokenizer.pad_token_id
    document["padding"] = {"strategy": {"Fixed": TOKENS}, "direction": "Right", "pad_to_multiple_of": None,
                           "pad_id": pad_id, "pad_type_id": 0, "pad_token": tokenizer.pad_token}
    document["truncation"] = {"direction": "Right", "max_length": TOKENS, "strategy": "LongestFirst", "stride": 0}
    (out / "tokenizer.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    samples = ["a paper lantern village at dusk", "", "Mist, BOATS & neon! 42", " ".join(["river"] * 100)]
    want = tokenizer(samples, padding="max_length", max_length=TOKENS, truncation=True)["input_ids"]
    if encode_prompts(out / "tokenizer.json", samples).tolist() != want:
        sys.exit(f"{out / 'tokenizer.json'} does not tokenize as the model's own tokenizer does")
    return pad_id, len(tokenizer)


def export_diffusers(model_dir: Path, out: Path, meta: dict, scheduler: str, sizes: list[tuple[int, int]],
                     frames: tuple[int, int], motion_adapter: Path | None = None,
                     spacing: str | None = None, encoder_part: bool = True) -> dict:
    from diffusers import AutoencoderKL, MotionAdapter, UNet2DConditionModel, UNetMotionModel
    from transformers import CLIPTextModel

    out.mkdir(parents=True, exist_ok=True)
    text_encoder = CLIPTextModel.from_pretrained(str(model_dir / "text_encoder")).eval()
    unet = UNet2DConditionModel.from_pretrained(str(model_dir / "unet")).eval()
    vae = AutoencoderKL.from_pretrained(str(model_dir / "vae")).eval()
    if unet.config.get("addition_embed_type") is not None:
        sys.exit(f"{model_dir}/unet: addition_embed_type {unet.config['addition_embed_type']!r} (SDXL-style added "
                 "conditioning) is not supported yet; export an SD 1.x/2.x model")
    motion = motion_adapter is not None
    if motion:
        unet = UNetMotionModel.from_unet2d(unet, MotionAdapter.from_pretrained(str(motion_adapter))).eval()
    scheduler_config = json.loads((model_dir / "scheduler" / "scheduler_config.json").read_text())
    pad_id, vocab = write_tokenizer(model_dir / "tokenizer", out)

    hidden = text_encoder.config.hidden_size
    channels = vae.config.latent_channels
    downscale = 2 ** (len(vae.config.block_out_channels) - 1)
    scale_factor = float(vae.config.scaling_factor)

    ids = torch.full((2, TOKENS), pad_id, dtype=torch.int64)
    text_part = TextEncoderPart(text_encoder)
    traced = trace(text_part, (ids,))
    verify("text_encoder", traced, text_part, (torch.randint(0, vocab, (2, TOKENS)),))
    save(traced, out / "text_encoder.pt")

    width, height = sizes[0]
    h, w = height // downscale, width // downscale
    timestep = torch.tensor([500.0])
    unet_part = UnetPart(unet)
    if motion:
        example = (torch.randn(2, channels, frames[0], h, w), timestep, torch.randn(2 * frames[0], TOKENS, hidden))
    else:
        example = (torch.randn(2, channels, h, w), timestep, torch.randn(2, TOKENS, hidden))
    traced = trace(unet_part, example)
    for width, height in sizes:
        h, w = height // downscale, width // downscale
        for count in sorted({frames[0], frames[1]}):
            for batch in (1, 2):  # without and with classifier-free guidance
                if motion:
                    inputs = (torch.randn(batch, channels, count, h, w), torch.tensor([981.0]),
                              torch.randn(batch * count, TOKENS, hidden))
                else:
                    inputs = (torch.randn(batch * count, channels, h, w), torch.tensor([981.0]),
                              torch.randn(batch * count, TOKENS, hidden))
                verify(f"unet at {width}x{height}, {count} frame(s), batch {batch}", traced, unet_part, inputs)
    save(traced, out / "unet.pt")

    decoder = VaeDecoderPart(vae)
    encoder = VaeEncoderPart(vae)
    width, height = sizes[0]
    traced_decoder = trace(decoder, (torch.randn(1, channels, height // downscale, width // downscale),))
    traced_encoder = trace(encoder, (torch.rand(1, 3, height, width) * 2 - 1,))
    for width, height in sizes:
        verify(f"vae_decoder at {width}x{height}", traced_decoder, decoder,
               (torch.randn(1, channels, height // downscale, width // downscale),))
        verify(f"vae_encoder at {width}x{height}", traced_encoder, encoder, (torch.rand(1, 3, height, width) * 2 - 1,))
    save(traced_decoder, out / "vae_decoder.pt")
    parts = {
        "text_encoder": {"file": "text_encoder.pt"},
        "unet": {"file": "unet.pt", "motion": motion},
        "vae_decoder": {"file": "vae_decoder.pt"},
    }
    if encoder_part:  # without it the model cannot vary a take (img2img)
        save(traced_encoder, out / "vae_encoder.pt")
        parts["vae_encoder"] = {"file": "vae_encoder.pt"}

    manifest = {
        "format": FORMAT,
        **meta,
        "pipeline": "text-to-clip",
        "parts": parts,
        "tokenizer": {"file": "tokenizer.json", "max_length": TOKENS, "pad_id": pad_id},
        "text": {"hidden_size": hidden},
        "latent": {"channels": channels, "scale_factor": scale_factor, "downscale": downscale},
        "scheduler": scheduler_section(scheduler_config, scheduler, spacing),
        "sizes": [{"width": w_, "height": h_} for w_, h_ in sizes],
        "frames": {"min": frames[0], "max": frames[1]},
    }
    write_manifest(out, manifest)
    return {"text_encoder": text_encoder, "unet": unet, "vae": vae, "manifest": manifest}


def write_manifest(out: Path, manifest: dict):
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}: " + ", ".join(f"{p.name} {p.stat().st_size // 1024} kB" for p in sorted(out.iterdir())))


# ----------------------------------------------------------------------------------------------------------
# Frame interpolation: forward(frame0, frame1, t) -> the frame at time t, all RGB 0..1 (1, 3, H, W), t (1, 1, 1, 1)
# ----------------------------------------------------------------------------------------------------------

def backward_warp(image, flow):
    """Samples image at (x + flow_x, y + flow_y); the pixel grid is built from tensors, so tracing keeps it
    size-independent (a grid cached from Python ints would freeze the export size)."""
    ones = torch.ones_like(image[:, :1])
    gx = torch.cumsum(ones, 3) - 1
    gy = torch.cumsum(ones, 2) - 1
    x = (gx + flow[:, :1]) / (gx.amax(dim=(2, 3), keepdim=True).clamp(min=1)) * 2 - 1
    y = (gy + flow[:, 1:2]) / (gy.amax(dim=(2, 3), keepdim=True).clamp(min=1)) * 2 - 1
    grid = torch.cat([x, y], 1).permute(0, 2, 3, 1)
    return F.grid_sample(image, grid, mode="bilinear", padding_mode="border", align_corners=True)


class FlowBlock(nn.Module):
    """One RIFE-style IFBlock: at 1/scale resolution, estimates both flows (4 channels) and a blend mask."""

    def __init__(self, inputs: int, width: int):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(inputs, width, 3, padding=1), nn.PReLU(width),
                                 nn.Conv2d(width, width, 3, padding=1), nn.PReLU(width),
                                 nn.Conv2d(width, 5, 3, padding=1))

    def forward(self, x, scale: float):
        small = F.interpolate(x, scale_factor=1.0 / scale, mode="bilinear", align_corners=False)
        out = F.interpolate(self.net(small), scale_factor=scale, mode="bilinear", align_corners=False)
        return out[:, :4] * scale, out[:, 4:5]


class TinyIFNet(nn.Module):
    """A small RIFE-like interpolator (coarse-to-fine flow, backward warping, learned blend)."""

    def __init__(self, width: int = 16):
        super().__init__()
        self.coarse = FlowBlock(7, width)
        self.fine = FlowBlock(7 + 6 + 5, width)

    def forward(self, frame0, frame1, t):
        time = torch.ones_like(frame0[:, :1]) * t
        flow, mask = self.coarse(torch.cat([frame0, frame1, time], 1), 4.0)
        warped0 = backward_warp(frame0, flow[:, :2])
        warped1 = backward_warp(frame1, flow[:, 2:4])
        dflow, dmask = self.fine(torch.cat([frame0, frame1, time, warped0, warped1, flow, mask], 1), 2.0)
        flow, mask = flow + dflow, mask + dmask
        blend = torch.sigmoid(mask)
        out = backward_warp(frame0, flow[:, :2]) * blend + backward_warp(frame1, flow[:, 2:4]) * (1 - blend)
        return out.clamp(0, 1)


class RifePart(nn.Module):
    """Practical-RIFE's IFNet (x = both frames, timestep map, scale list) as forward(frame0, frame1, t)."""

    def __init__(self, ifnet):
        super().__init__()
        self.ifnet = ifnet

    def forward(self, frame0, frame1, t):
        merged = self.ifnet(torch.cat([frame0, frame1], 1), t, [8, 4, 2, 1])[2]
        return merged[-1].clamp(0, 1)


def export_interpolator(module: nn.Module, out: Path, meta: dict, sizes: list[tuple[int, int]], max_inbetweens: int):
    out.mkdir(parents=True, exist_ok=True)
    width, height = sizes[0]
    example = (torch.rand(1, 3, height, width), torch.rand(1, 3, height, width), torch.full((1, 1, 1, 1), 0.5))
    traced = trace(module, example)
    for width, height in sizes:
        verify(f"interpolator at {width}x{height}", traced, module,
               (torch.rand(1, 3, height, width), torch.rand(1, 3, height, width), torch.full((1, 1, 1, 1), 0.25)))
    save(traced, out / "interpolator.pt")
    write_manifest(out, {
        "format": FORMAT,
        **meta,
        "pipeline": "interpolate",
        "parts": {"interpolator": {"file": "interpolator.pt"}},
        "sizes": [{"width": w, "height": h} for w, h in sizes],
        "max_inbetweens": max_inbetweens,
    })
    return traced


# ----------------------------------------------------------------------------------------------------------
# Fixtures: tiny random-weight versions of the real architectures, exported through the same code, with the
# reference outputs of the Python pipeline (diffusers' own schedulers, eager modules, float32, CPU)
# ----------------------------------------------------------------------------------------------------------

TINY_LICENCE = "CC0-1.0: random weights made by tools/export_model.py fixtures, no training data"
TINY_SOURCE = "tools/export_model.py fixtures (torch.manual_seed 13)"
CORPUS = """
paper lantern village at dusk, mist over the river, boats and a night market, neon signs
dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan
warm sunset light through a workshop window, hills beyond, pastel palette, static camera
night sky over the hills, a single glowing lantern rising, stars, slow zoom
rain over a city of paper rooftops at night, cold palette, dolly forward
noon sun over a bustling desert market town, warm palette, pan right
fog drifting through a forest at dawn, monochrome mood, static camera
storm over the sea, dark clouds, heavy rain, cold palette, slow zoom
snow falling on quiet hills at night, pastel lanterns glowing, slow pan
neon festival lights over the city harbour at night, sea reflections, dolly
sunset over the mountains, hundreds of lanterns drifting, warm palette, slow zoom out
hand-painted storybook, soft paper texture, warm lantern light; text, watermark, blurry
"""


def bytes_to_unicode() -> dict[int, str]:
    """CLIP's byte-level alphabet: every byte as a printable character."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def tiny_clip_vocabulary(merge_count: int) -> tuple[dict[str, int], list[str]]:
    """A CLIP-format vocabulary (bytes, bytes + </w>, merges, then the two specials) with merges learnt from the
    demo prompts by plain BPE, so common words are single tokens as in the real CLIP vocabulary."""
    import re
    alphabet = list(bytes_to_unicode().values())
    vocab = alphabet + [c + "</w>" for c in alphabet]
    byte_map = bytes_to_unicode()
    words: dict[tuple[str, ...], int] = {}
    for word in re.findall(r"[a-z]+|[0-9]|[^\sa-z0-9]+", CORPUS.lower()):
        symbols = tuple(byte_map[b] for b in word.encode("utf-8"))
        symbols = symbols[:-1] + (symbols[-1] + "</w>",)
        words[symbols] = words.get(symbols, 0) + 1
    merges = []
    for _ in range(merge_count):
        pairs: dict[tuple[str, str], int] = {}
        for symbols, count in words.items():
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] = pairs.get(pair, 0) + count
        if not pairs:
            break
        best = max(sorted(pairs), key=lambda p: pairs[p])
        merges.append(best)
        merged = {}
        for symbols, count in words.items():
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + count
        words = merged
    vocab += ["".join(pair) for pair in merges] + ["<|startoftext|>", "<|endoftext|>"]
    return {token: i for i, token in enumerate(vocab)}, [" ".join(pair) for pair in merges]


def tiny_diffusers_folder(root: Path, prediction: str) -> Path:
    """Writes a diffusers-layout folder of tiny random-weight SD-1.5-shaped components, and a motion adapter."""
    from diffusers import AutoencoderKL, DDIMScheduler, MotionAdapter, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    folder = root / "tiny-sd-diffusers"
    (folder / "tokenizer").mkdir(parents=True)
    vocab, merges = tiny_clip_vocabulary(400)
    (folder / "tokenizer" / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (folder / "tokenizer" / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    tokenizer = CLIPTokenizer(vocab=str(folder / "tokenizer" / "vocab.json"),
                              merges=str(folder / "tokenizer" / "merges.txt"), model_max_length=TOKENS)
    tokenizer.save_pretrained(str(folder / "tokenizer"))

    torch.manual_seed(13)
    CLIPTextModel(CLIPTextConfig(vocab_size=len(vocab), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                 num_attention_heads=4, max_position_embeddings=TOKENS, hidden_act="quick_gelu",
                                 bos_token_id=vocab["<|startoftext|>"], eos_token_id=vocab["<|endoftext|>"],
                                 pad_token_id=vocab["<|endoftext|>"])).save_pretrained(str(folder / "text_encoder"))
    UNet2DConditionModel(sample_size=8, in_channels=4, out_channels=4, block_out_channels=(16, 32),
                         layers_per_block=1, down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
                         up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"), cross_attention_dim=32,
                         attention_head_dim=8, norm_num_groups=16).save_pretrained(str(folder / "unet"))
    AutoencoderKL(in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",) * 4,
                  up_block_types=("UpDecoderBlock2D",) * 4, block_out_channels=(8, 16, 16, 16), layers_per_block=1,
                  latent_channels=4, norm_num_groups=8, sample_size=64).save_pretrained(str(folder / "vae"))
    DDIMScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", clip_sample=False,
                  set_alpha_to_one=False, steps_offset=1, prediction_type=prediction).save_pretrained(
        str(folder / "scheduler"))
    MotionAdapter(block_out_channels=(16, 32), motion_layers_per_block=1, motion_num_attention_heads=2,
                  motion_norm_num_groups=16, motion_max_seq_length=16, use_motion_mid_block=False).save_pretrained(
        str(root / "tiny-motion-adapter"))
    return folder


def diffusers_scheduler(section: dict):
    """The diffusers scheduler a manifest's scheduler section describes (as diffusers' from_config would make it)."""
    from diffusers import DDIMScheduler, EulerDiscreteScheduler
    common = dict(num_train_timesteps=section["num_train_timesteps"], beta_start=section["beta_start"],
                  beta_end=section["beta_end"], beta_schedule=section["beta_schedule"],
                  steps_offset=section["steps_offset"], prediction_type=section["prediction_type"],
                  timestep_spacing=section["timestep_spacing"])
    if section["kind"] == "ddim":
        return DDIMScheduler(**common, clip_sample=False, set_alpha_to_one=section["set_alpha_to_one"])
    return EulerDiscreteScheduler(**common)


def scheduler_variants(manifest: dict) -> dict[str, dict]:
    """The manifest's scheduler settings under both kinds and both prediction types: the references cover all four."""
    variants = {}
    for kind in ("ddim", "euler"):
        for prediction in ("epsilon", "v_prediction"):
            section = {k: v for k, v in manifest["scheduler"].items() if k != "set_alpha_to_one"}
            section.update(kind=kind, prediction_type=prediction)
            if kind == "ddim":
                section["set_alpha_to_one"] = manifest["scheduler"].get("set_alpha_to_one", False)
            variants[f"{kind}-{prediction}"] = section
    return variants


def schedule_tables() -> dict[str, np.ndarray]:
    """Timesteps (and Euler's sigmas) for every spacing, both kinds and a few step counts, for the schedule tests."""
    tables = {}
    for kind in ("ddim", "euler"):
        for spacing in ("leading", "trailing", "linspace"):
            for steps in (4, 7, 25):
                section = {"kind": kind, "num_train_timesteps": 1000, "beta_start": 0.00085, "beta_end": 0.012,
                           "beta_schedule": "scaled_linear", "prediction_type": "epsilon",
                           "timestep_spacing": spacing, "steps_offset": 1, "set_alpha_to_one": False}
                scheduler = diffusers_scheduler(section)
                scheduler.set_timesteps(steps)
                key = f"table/{kind}/{spacing}/{steps}"
                tables[f"{key}/timesteps"] = scheduler.timesteps.numpy().astype(np.float32)
                tables[f"{key}/init_sigma"] = np.float32(scheduler.init_noise_sigma)
                if kind == "euler":
                    tables[f"{key}/sigmas"] = scheduler.sigmas.numpy().astype(np.float32)
    linear = diffusers_scheduler({"kind": "ddim", "num_train_timesteps": 1000, "beta_start": 0.0001, "beta_end": 0.02,
                                  "beta_schedule": "linear", "prediction_type": "epsilon", "timestep_spacing": "leading",
                                  "steps_offset": 0, "set_alpha_to_one": True})
    tables["table/linear_alphas_cumprod"] = linear.alphas_cumprod.numpy()
    return tables


def encode_prompts(tokenizer_file: Path, prompts: list[str]) -> np.ndarray:
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(str(tokenizer_file))  # padding and truncation come from the file
    return np.array([e.ids for e in tokenizer.encode_batch(prompts)], dtype=np.int64)


def frames_to_unit(images: torch.Tensor) -> torch.Tensor:
    """VAE output (-1..1) -> 0..1, as diffusers' VaeImageProcessor.denormalize."""
    return (images / 2 + 0.5).clamp(0, 1)


def to_bytes(unit: torch.Tensor) -> np.ndarray:
    """0..1 -> uint8 as diffusers' numpy_to_pil: round(255 x)."""
    return (unit.numpy() * 255).round().astype(np.uint8)


class Pipeline:
    """The reference pipeline: eager parts, diffusers' schedulers, Dailies' seeded noise."""

    def __init__(self, parts: dict, manifest: dict, tokenizer_file: Path):
        self.text_encoder = TextEncoderPart(parts["text_encoder"]).eval()
        self.unet = UnetPart(parts["unet"]).eval()
        self.decoder = VaeDecoderPart(parts["vae"]).eval()
        self.encoder = VaeEncoderPart(parts["vae"]).eval()
        self.manifest = manifest
        self.motion = manifest["parts"]["unet"]["motion"]
        self.tokenizer_file = tokenizer_file
        self.channels = manifest["latent"]["channels"]
        self.scale = manifest["latent"]["scale_factor"]
        self.down = manifest["latent"]["downscale"]

    def embed(self, prompt: str, negative: str) -> tuple[np.ndarray, torch.Tensor]:
        ids = encode_prompts(self.tokenizer_file, [prompt, negative])
        with torch.no_grad():
            return ids, self.text_encoder(torch.from_numpy(ids))

    def predict(self, latents, t, embeddings, guidance: float, frames: int):
        """One guided UNet call: [cond, uncond] batched, combined as uncond + g (cond - uncond)."""
        guided = guidance > 1
        context = embeddings if guided else embeddings[:1]
        # A motion UNet takes (B, C, F, h, w) and one context row per frame; an image UNet one row per latent.
        batch = torch.cat([latents, latents]) if guided else latents
        context = context.repeat_interleave(frames, dim=0)
        with torch.no_grad():
            out = self.unet(batch, torch.tensor([float(t)], dtype=torch.float32), context)
        if not guided:
            return out, out, out
        cond, uncond = out.chunk(2)
        return uncond + guidance * (cond - uncond), cond, uncond

    def denoise(self, scheduler, latents, timesteps, embeddings, guidance, frames):
        trail = []
        for t in timesteps:
            model_input = scheduler.scale_model_input(latents, t)
            guided, _, _ = self.predict(model_input, t, embeddings, guidance, frames)
            latents = scheduler.step(guided, t, latents, return_dict=False)[0]
            trail.append(latents.clone())
        return latents, trail

    def decode(self, latents, frames) -> torch.Tensor:
        if self.motion:
            latents = latents[0].permute(1, 0, 2, 3)  # (F, C, h, w)
        with torch.no_grad():
            return torch.cat([frames_to_unit(self.decoder(latents[i:i + 1] / self.scale)) for i in range(frames)])

    def encode(self, unit_frames: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            latents = torch.cat([self.encoder(unit_frames[i:i + 1] * 2 - 1) for i in range(len(unit_frames))])
        latents = latents * self.scale
        if self.motion:
            latents = latents.permute(1, 0, 2, 3).unsqueeze(0)
        return latents

    def noise(self, seed, frames, height, width):
        return take_noise(seed, frames, self.channels, height // self.down, width // self.down, self.motion)


def img2img_timesteps(scheduler, steps: int, strength: float):
    """diffusers' StableDiffusionImg2ImgPipeline.get_timesteps: the last int(steps * strength) steps."""
    scheduler.set_timesteps(steps)
    run = min(int(steps * strength), steps)
    start = max(steps - run, 0)
    if hasattr(scheduler, "set_begin_index"):
        scheduler.set_begin_index(start)
    return scheduler.timesteps[start:], start


def fixtures(models: Path, references: Path):
    torch.manual_seed(13)
    references.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tiny_diffusers_folder(tmp, "epsilon")
        for name in ("tiny-sd", "tiny-animatediff", "tiny-interp"):
            shutil.rmtree(models / name, ignore_errors=True)
        sd = export_diffusers(source, models / "tiny-sd",
                              {"id": "tiny-sd", "name": "Tiny SD (test fixture)", "version": "1",
                               "licence": TINY_LICENCE, "source": TINY_SOURCE},
                              "ddim", [(64, 64)], (1, 8))
        animatediff = export_diffusers(source, models / "tiny-animatediff",
                                       {"id": "tiny-animatediff", "name": "Tiny AnimateDiff (test fixture)",
                                        "version": "1", "licence": TINY_LICENCE, "source": TINY_SOURCE},
                                       "euler", [(64, 64)], (4, 8), motion_adapter=tmp / "tiny-motion-adapter",
                                       spacing="linspace", encoder_part=False)
        torch.manual_seed(17)
        interpolator = TinyIFNet().eval()
        export_interpolator(interpolator, models / "tiny-interp",
                            {"id": "tiny-interp", "name": "Tiny RIFE-like interpolator (test fixture)", "version": "1",
                             "licence": TINY_LICENCE, "source": TINY_SOURCE}, [(64, 64), (96, 64)], 15)
        sd_refs = sd_references(Pipeline(sd, sd["manifest"], models / "tiny-sd" / "tokenizer.json"))
        motion_refs = motion_references(Pipeline(animatediff, animatediff["manifest"],
                                                 models / "tiny-animatediff" / "tokenizer.json"))
        interp_refs = interpolation_references(interpolator, sd_refs["arrays"]["ddim-epsilon/frames_bytes"])
    cases = {"tiny-sd": sd_refs["case"], "tiny-animatediff": motion_refs["case"], "tiny-interp": interp_refs["case"]}
    (references / "cases.json").write_text(json.dumps(cases, indent=2) + "\n", encoding="utf-8")
    for name, refs in (("tiny-sd", sd_refs), ("tiny-animatediff", motion_refs), ("tiny-interp", interp_refs)):
        np.savez_compressed(references / f"{name}.npz", **{k.replace("/", "__"): v for k, v in refs["arrays"].items()})
    print(f"wrote references to {references}")


def sd_references(p: Pipeline) -> dict:
    case = {"prompt": "paper lantern village at dusk, mist over the river, boats and a night market",
            "negative": "blurry, text, watermark",
            "long_prompt": " ".join(["lanterns drifting over the misty river at night"] * 12),
            "seed": 42, "width": 64, "height": 64, "frames": 2, "steps": 4, "guidance": 7.5,
            "strengths": [0.0, 0.5, 1.0], "vary_seed": 7, "vary_prompt": "paper lanterns over a stormy sea"}
    arrays = {}
    ids, embeddings = p.embed(case["prompt"], case["negative"])
    arrays["tokens"] = ids
    arrays["tokens_long_empty"] = encode_prompts(p.tokenizer_file, [case["long_prompt"], ""])
    arrays["embeddings"] = embeddings.numpy()
    frames, h, w = case["frames"], case["height"], case["width"]
    noise = p.noise(case["seed"], frames, h, w)
    arrays["noise"] = noise.numpy()
    case["schedulers"] = scheduler_variants(p.manifest)
    for name, section in case["schedulers"].items():
        scheduler = diffusers_scheduler(section)
        scheduler.set_timesteps(case["steps"])
        latents = noise * scheduler.init_noise_sigma
        arrays[f"{name}/timesteps"] = scheduler.timesteps.numpy().astype(np.float32)
        arrays[f"{name}/sigma"] = np.float32(scheduler.init_noise_sigma)
        if name == "ddim-epsilon":
            t0 = scheduler.timesteps[0]
            guided, cond, uncond = p.predict(scheduler.scale_model_input(latents, t0), t0, embeddings,
                                             case["guidance"], frames)
            arrays["guided_step/cond"], arrays["guided_step/uncond"] = cond.numpy(), uncond.numpy()
            arrays["guided_step/guided"] = guided.numpy()
            arrays["alphas_cumprod"] = scheduler.alphas_cumprod.numpy()
        latents, trail = p.denoise(scheduler, latents, scheduler.timesteps, embeddings, case["guidance"], frames)
        arrays[f"{name}/latents"] = torch.stack(trail).numpy()
        unit = p.decode(latents, frames)
        arrays[f"{name}/frames"] = unit.numpy()
        arrays[f"{name}/frames_bytes"] = to_bytes(unit)
    # Take -> take: the DDIM/epsilon take's frames (as stored bytes) varied with another prompt and seed.
    parent = torch.from_numpy(arrays["ddim-epsilon/frames_bytes"].astype(np.float32) / 255)
    _, vary_embeddings = p.embed(case["vary_prompt"], case["negative"])
    encoded = p.encode(parent)
    arrays["vary/encoded"] = encoded.numpy()
    vary_noise = p.noise(case["vary_seed"], frames, h, w)
    for strength in case["strengths"]:
        scheduler = diffusers_scheduler(case["schedulers"]["ddim-epsilon"])
        timesteps, start = img2img_timesteps(scheduler, case["steps"], strength)
        if len(timesteps) == 0:
            latents = encoded  # strength 0: nothing is noised or denoised; the parent goes through the VAE only
        else:
            latents = scheduler.add_noise(encoded, vary_noise, timesteps[:1])
            latents, _ = p.denoise(scheduler, latents, timesteps, vary_embeddings, case["guidance"], frames)
        unit = p.decode(latents, frames)
        arrays[f"vary/{strength}/frames"] = unit.numpy()
        arrays[f"vary/{strength}/frames_bytes"] = to_bytes(unit)
    arrays.update(schedule_tables())
    return {"case": case, "arrays": arrays}


def motion_references(p: Pipeline) -> dict:
    case = {"prompt": "a single glowing lantern rising into the night sky, slow zoom", "negative": "blurry",
            "seed": 5, "width": 64, "height": 64, "frames": 4, "steps": 3, "guidance": 5.0}
    arrays = {}
    _, embeddings = p.embed(case["prompt"], case["negative"])
    noise = p.noise(case["seed"], case["frames"], case["height"], case["width"])
    arrays["noise"] = noise.numpy()
    scheduler = diffusers_scheduler(p.manifest["scheduler"])
    scheduler.set_timesteps(case["steps"])
    latents = noise * scheduler.init_noise_sigma
    latents, trail = p.denoise(scheduler, latents, scheduler.timesteps, embeddings, case["guidance"], case["frames"])
    arrays["latents"] = torch.stack(trail).numpy()
    unit = p.decode(latents, case["frames"])
    arrays["frames"] = unit.numpy()
    arrays["frames_bytes"] = to_bytes(unit)
    return {"case": case, "arrays": arrays}


def interpolation_references(module: nn.Module, key_frames: np.ndarray) -> dict:
    case = {"inbetweens": 3, "width": 64, "height": 64}
    first = torch.from_numpy(key_frames[0].astype(np.float32) / 255).unsqueeze(0)
    # The second key: the first one shifted 6 pixels right, so there is motion to fill.
    second = torch.roll(first, shifts=6, dims=3)
    out = []
    with torch.no_grad():
        for i in range(1, case["inbetweens"] + 1):
            t = torch.full((1, 1, 1, 1), i / (case["inbetweens"] + 1))
            out.append(module(first, second, t))
    unit = torch.cat(out)
    return {"case": case, "arrays": {"from": to_bytes(first), "to": to_bytes(second), "frames": unit.numpy(),
                                     "frames_bytes": to_bytes(unit)}}


# ----------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    def identity(p):
        p.add_argument("--id", required=True, help="what jobs name: letters, digits, . _ -")
        p.add_argument("--name", required=True)
        p.add_argument("--version", required=True)
        p.add_argument("--licence", required=True, help="the weights' licence, e.g. CreativeML OpenRAIL-M")
        p.add_argument("--source", required=True, help="where the weights came from (URL, commit, fine-tune run)")
        p.add_argument("--width", type=int, default=512)
        p.add_argument("--height", type=int, default=512)

    d = commands.add_parser("diffusers", help="a diffusers SD 1.x/2.x folder, optionally with a motion adapter")
    d.add_argument("model_dir", type=Path)
    d.add_argument("out_dir", type=Path)
    identity(d)
    d.add_argument("--motion-adapter", type=Path)
    d.add_argument("--scheduler", choices=("ddim", "euler"), default="ddim")
    d.add_argument("--timestep-spacing", choices=("leading", "trailing", "linspace"),
                   help="override the scheduler_config.json's spacing (diffusers' Euler default is linspace)")
    d.add_argument("--no-vae-encoder", action="store_true", help="leave out the VAE encoder (no take -> take)")
    d.add_argument("--min-frames", type=int, default=1)
    d.add_argument("--max-frames", type=int, default=16)

    r = commands.add_parser("rife", help="Practical-RIFE: your checkout (for its IFNet code) and its train_log")
    r.add_argument("rife_repo", type=Path)
    r.add_argument("checkpoint_dir", type=Path, help="the folder holding flownet.pkl")
    r.add_argument("out_dir", type=Path)
    identity(r)
    r.add_argument("--max-inbetweens", type=int, default=15)

    s = commands.add_parser("torchscript-interpolator", help="a TorchScript forward(frame0, frame1, t) -> frame")
    s.add_argument("module", type=Path)
    s.add_argument("out_dir", type=Path)
    identity(s)
    s.add_argument("--max-inbetweens", type=int, default=15)

    f = commands.add_parser("fixtures", help="the tests' tiny random-weight models and the Python references")
    f.add_argument("models_dir", type=Path)
    f.add_argument("reference_dir", type=Path)

    args = parser.parse_args()
    torch.set_grad_enabled(False)
    if args.command == "fixtures":
        fixtures(args.models_dir, args.reference_dir)
        return
    meta = {"id": args.id, "name": args.name, "version": args.version, "licence": args.licence, "source": args.source}
    size = [(args.width, args.height)]
    if args.command == "diffusers":
        export_diffusers(args.model_dir, args.out_dir, meta, args.scheduler, size, (args.min_frames, args.max_frames),
                         args.motion_adapter, args.timestep_spacing, not args.no_vae_encoder)
    elif args.command == "rife":
        sys.path.insert(0, str(args.rife_repo))
        sys.path.insert(0, str(args.checkpoint_dir.parent))
        from importlib import import_module
        ifnet_module = import_module(f"{args.checkpoint_dir.name}.IFNet_HDv3")
        ifnet = ifnet_module.IFNet()
        state = torch.load(args.checkpoint_dir / "flownet.pkl", map_location="cpu")
        ifnet.load_state_dict({k.removeprefix("module."): v for k, v in state.items()})
        export_interpolator(RifePart(ifnet.eval()), args.out_dir, meta, size, args.max_inbetweens)
    else:
        export_interpolator(torch.jit.load(str(args.module)).eval(), args.out_dir, meta, size, args.max_inbetweens)


if __name__ == "__main__":
    main()
