#!/usr/bin/env bash
# Rewrites tests/fixtures/text/*.json from the native CLI. Review the diff before committing: the
# expectations are only as good as that review.
set -euo pipefail
cd "$(dirname "$0")/.."
for txt in tests/fixtures/text/*.txt; do
  build/native/article-reader json "$txt" --format text >"${txt%.txt}.json" 2>/dev/null
done
git status --short tests/fixtures/text
