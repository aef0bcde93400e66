#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (a browser download is not possible on these machines).
# Installs it, with CJK fonts for screenshots and print views, when it is missing and we may.
set -euo pipefail
# chromium-l10n brings the zh-CN locale, so the browser's own widgets (date pickers) speak Chinese too.
if command -v chromium >/dev/null 2>&1 && [ -f /usr/lib/chromium/locales/zh-CN.pak ] && fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium and fonts-noto-cjk for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium chromium-l10n fonts-noto-cjk" >&2
exit 1
