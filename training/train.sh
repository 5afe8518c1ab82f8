#!/usr/bin/env bash
# Train the compact German pipeline shipped as quotes/models/de_quotes_sm.
#
#   bash training/train.sh            # convert data, train (2 runs in parallel), package, evaluate
#   SHARED=/path/to/shared bash training/train.sh
#
# Everything bulky goes to training/work/ (git-ignored). Each training run uses one thread (the
# machines are shared); the two runs (UD part and NER part) go in parallel, one core each.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
WORK=training/work
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export MKL_NUM_THREADS="${MKL_NUM_THREADS:-1}" PYTHONHASHSEED=0
mkdir -p "$WORK"

echo "== 1/4 convert data ($SHARED)"
python -m training.convert --shared "$SHARED" --out "$WORK/corpus"

echo "== 2/4 train: UD part and NER part in parallel (logs: $WORK/train-{ud,ner}.log)"
python -m spacy train training/config_ud.cfg --output "$WORK/output-ud" \
    --paths.train "$WORK/corpus/train/ud.spacy" --paths.dev "$WORK/corpus/dev/ud.spacy" \
    >"$WORK/train-ud.log" 2>&1 &
ud=$!
python -m spacy train training/config_ner.cfg --output "$WORK/output-ner" \
    --paths.train "$WORK/corpus/train/ner.spacy" --paths.dev "$WORK/corpus/dev/ner.spacy" \
    >"$WORK/train-ner.log" 2>&1 &
ner=$!
wait "$ud" "$ner"
tail -n 3 "$WORK/train-ud.log" "$WORK/train-ner.log"

echo "== 3/4 assemble + package into quotes/models/de_quotes_sm"
python -m training.package --ud-model "$WORK/output-ud/model-best" \
    --ner-model "$WORK/output-ner/model-best" --stats "$WORK/corpus/data-stats.json"

echo "== 4/4 evaluate on held-out GSD dev + GermEval dev"
python -m training.evaluate --shared "$SHARED" --out "$WORK/scores.json"
