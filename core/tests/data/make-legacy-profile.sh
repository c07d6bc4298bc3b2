#!/bin/sh
# Makes legacy-profile.sqlite: a profile written by the last release that did not encrypt it
# (commit 86cc952, schema version 10), holding one of everything a person types. The upgrade tests
# (core/tests/at_rest.rs, desktop/tests/upgrade.rs) open it with a key and expect it sealed.
#
# Usage: make-legacy-profile.sh WAYMARK_BINARY_OF_THAT_RELEASE OUT.sqlite
set -eu
bin=$1
out=$2
rm -f "$out" "$out".key "$out"-wal "$out"-shm
now=2026-03-02T06:10:00Z
# The release kept its keystore key in a file beside the profile; the family's copy of the
# traveller's secret is sealed with it. The tests open the profile with these same 32 bytes.
python3 -c 'import sys; sys.stdout.buffer.write(bytes([0x5a]*32))' >"$out".key
w() { "$bin" --profile "$out" --lang en --zone Europe/Istanbul --now "$now" "$@"; }

w contacts add --name "Mama Olga Petrovna" --kind family --country RU \
  --phone "+7 916 123-45-67" --notes "call after 9, sister Marina knows" >/dev/null
w checkin setup --name "Anna Sidorova" --country TR --city "Istanbul Kadikoy" \
  --from 2026-03-02 --to 2026-06-01 --home-zone Europe/Moscow \
  --destination-zone Europe/Istanbul --times 09:00,21:00 --window 60 --grace 30 \
  --employer "Bosphorus Textile Ltd" --agency "Hotel Zeytin recruiting" \
  --documents "with my sister Marina" >/dev/null
printf '2468\n1357\nHow is aunt Valya?\n' | w checkin pins >/dev/null
w checklist add "Bring my own boots" >/dev/null
message=$(printf '2468\n' | w --json checkin now | python3 -c 'import json,sys; print(json.load(sys.stdin)["message"])')
ad=$(mktemp)
printf 'FREEVISAFLIGHT: we keep your passport safe for you\n' >"$ad"
printf 'Seamstress at Bosphorus Textile\nBosphorus Textile Ltd\nTR\nmet the recruiter at Hotel Zeytin\n' \
  | w check-offer --ad "$ad" >/dev/null
rm -f "$ad"
export_json=$(printf '2468\n' | w --json plan export)
payload=$(printf '%s' "$export_json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["payload"])')
passphrase=$(printf '%s' "$export_json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["passphrase"])')
printf '%s\n%s\n' "$payload" "$passphrase" | w plan import >/dev/null
id=$(w --json family list | python3 -c 'import json,sys; print(json.load(sys.stdin)["travellers"][0]["id"])')
w family verify "$id" "$message" >/dev/null
rm -f "$out".key
