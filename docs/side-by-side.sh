#!/usr/bin/env bash
# The default (bundled, seed-trained) model and models trained on the public train splits, side by side, on the
# same labelled data from ../shared/data. Prints a Markdown table. Takes ~6 minutes (two trainings on ~35k lines).
#   docs/side-by-side.sh                 # from the project root, after `mvn -q -B package -DskipTests`
# Set PUBLIC_ABUSE_MODEL / PUBLIC_DISINFO_MODEL to model directories already trained on the public splits to skip
# the training. Nothing from ../shared/data is written into the project: the work files go to a temp directory.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${WARDEN_SHARED_DATA:-../shared/data}"
jar=classifier/target/warden-classifier.jar
[ -d "$data" ] || { echo "no labelled data at $data" >&2; exit 2; }
[ -f "$jar" ] || mvn -q -B -pl classifier package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

abuse_model="${PUBLIC_ABUSE_MODEL:-$work/public-abuse}"
disinfo_model="${PUBLIC_DISINFO_MODEL:-$work/public-disinfo}"
[ -d "$abuse_model" ] || java -jar "$jar" train --data "$data/abuse/train.jsonl" --out "$abuse_model" >&2
[ -d "$disinfo_model" ] || java -jar "$jar" train --data "$data/disinfo/train.jsonl" --out "$disinfo_model" >&2

# The news-comment part of the abuse test: the two sources that have both classes.
python3 - "$data/abuse/test.jsonl" "$work/news.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if json.loads(line)["source"].split(":")[0] in ("fox_news_comments", "sfu_globe_and_mail"):
            out.write(line)
PY

evaluate() { # model-dir-or-default data-file out-file
  if [ "$1" = default ]; then java -jar "$jar" eval --data "$2" > "$3"; else java -jar "$jar" eval --model "$1" --data "$2" > "$3"; fi
}
evaluate default "$data/comments/labeled-dev.jsonl" "$work/d-dev"
evaluate "$abuse_model" "$data/comments/labeled-dev.jsonl" "$work/pa-dev"
evaluate "$disinfo_model" "$data/comments/labeled-dev.jsonl" "$work/pd-dev"
evaluate default "$data/abuse/test.jsonl" "$work/d-abuse"
evaluate "$abuse_model" "$data/abuse/test.jsonl" "$work/pa-abuse"
evaluate default "$work/news.jsonl" "$work/d-news"
evaluate "$abuse_model" "$work/news.jsonl" "$work/pa-news"
evaluate default "$data/disinfo/test.jsonl" "$work/d-disinfo"
evaluate "$disinfo_model" "$data/disinfo/test.jsonl" "$work/pd-disinfo"

python3 - "$work" <<'PY'
import json, os, sys
w = sys.argv[1]
def metric(name, label, key):
    for line in open(os.path.join(w, name)):
        if line.strip().startswith("{"):
            row = json.loads(line)
            if row["label"] == label:
                return row[key]
    return float("nan")
rows = [
    ("real war comments (labeled-dev): abuse ROC-AUC", ("d-dev", "pa-dev"), "abuse", "rocAuc"),
    ("real war comments (labeled-dev): share flagged for abuse at 0.5 (labelled 6.6%)", ("d-dev", "pa-dev"), "abuse", "flagged"),
    ("real war comments (labeled-dev): disinformation ROC-AUC", ("d-dev", "pd-dev"), "disinformation", "rocAuc"),
    ("real war comments (labeled-dev): share flagged for disinformation at 0.5 (labelled 10.4%)", ("d-dev", "pd-dev"), "disinformation", "flagged"),
    ("public abuse test, pooled: ROC-AUC", ("d-abuse", "pa-abuse"), "abuse", "rocAuc"),
    ("public abuse test, news comments (fox+sfu): ROC-AUC", ("d-news", "pa-news"), "abuse", "rocAuc"),
    ("public disinfo test, pooled: ROC-AUC", ("d-disinfo", "pd-disinfo"), "disinformation", "rocAuc"),
]
print("| figure | default model (our seed corpus) | trained on the public train splits |")
print("| --- | ---: | ---: |")
for title, (d, p), label, key in rows:
    fmt = (lambda v: f"{v:.1%}") if key == "flagged" else (lambda v: f"{v:.3f}")
    print(f"| {title} | {fmt(metric(d, label, key))} | {fmt(metric(p, label, key))} |")
PY
