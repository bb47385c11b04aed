#!/usr/bin/env bash
# DJL ÷ Python per-step time of the same traced UNet (issue 13). Needs the fixture venv of tools/export_model.py
# (docs/studio-models.md, "Set up the export tool"); DAILIES_VENV points at it (default /work/venv-fixtures).
# Usage: bench/unet-step.sh [rounds] [steps per round] [intra-op threads]
set -euo pipefail
cd "$(dirname "$0")/.."
python=${DAILIES_VENV:-/work/venv-fixtures}/bin/python
dir=target/bench/unet
[ -f "$dir/unet.pt" ] || "$python" tools/bench_unet.py export "$dir"
exec bench/run-main.sh studio.dailies.generation.diffusion.UnetStepBenchmark "$dir" "$python" "$@"
