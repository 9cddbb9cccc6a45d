#!/usr/bin/env bash
# Re-creates this folder from SpLiCE's repository and checks every file against the SHA-256
# the product verifies downloads with (org.splicecbm.concepts.SpliceData.PUBLISHED_SHA256).
set -euo pipefail
cd "$(dirname "$0")"
BASE=${SPLICE_DATA_URL:-https://raw.githubusercontent.com/AI4LIFE-GROUP/SpLiCE/main/data/}
mkdir -p vocab means
while read -r sha file; do
  curl -fsSL "$BASE$file" -o "$file.part"
  echo "$sha  $file.part" | sha256sum -c --quiet - && mv "$file.part" "$file"
done <<'LIST'
aee8e260477dcfbc873f939955ffd472969859054ed46e245bbe8b37d10b508c vocab/laion.txt
6561525228843aa8b0d2b27e731c8c2b18dac0e4bdda40761933b0aecda1e67a vocab/laion_bigrams.txt
ddd84fc591b2e49c1513cc3dcc199153df276a44686712e21a6efb7711e2d43b vocab/mscoco.txt
e1ee3345ef6faf6f8ebc30f649189bf4e583fe71229b2955e227cf59124d42fa means/clip_RN50_image.pt
2907555438ef16b4677cb72ad81b3c3fe8c9246028714e943dba6c3b91d67eee means/clip_ViT-B-16_image.pt
dbd73aec9162cc26d3850c042b2a035720c1f6d38fc0b64a73518995f884202b means/clip_ViT-B-32_image.pt
6b91c6d0e9006e27dfb6f13e6d25a90c5ff24eb14e4ee60cf064a7ddf9f646b7 means/open_clip_ViT-B-32_image.pt
LIST
curl -fsSL "https://raw.githubusercontent.com/AI4LIFE-GROUP/SpLiCE/main/LICENSE" -o LICENSE
